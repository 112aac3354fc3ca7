import { z } from '@hono/zod-openapi';
import { desc, eq, type SQL, sql } from 'drizzle-orm';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import { users } from '../../core/auth/schema.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { decodeCursor, type Page, pageQuerySchema, toPage } from '../../core/http/pagination.ts';
import { customers, validateInput } from '../customers/index.ts';
import { quoteFor, visibleQuote } from './quote-access.ts';
import { QUOTE_STATUSES } from './quote-input.ts';
import { loadQuoteView, type QuoteSummary, type QuoteView, toQuoteSummary } from './quote-view.ts';
import { quotes } from './schema.ts';

export const listQuotesQuerySchema = pageQuerySchema.extend({
  status: z.enum(QUOTE_STATUSES).optional(),
  customerId: z.string().uuid().optional(),
  dealId: z.string().uuid().optional(),
  ownerId: z.string().uuid().optional(),
  q: z.string().trim().max(100).optional().openapi({ description: 'Quote number or customer name contains.' }),
});
export type ListQuotesInput = z.input<typeof listQuotesQuerySchema>;

/** Quotes the caller may see, newest first, paged by cursor and filtered. */
export async function listQuotes(db: DbOrTx, actor: Actor, raw: ListQuotesInput): Promise<Page<QuoteSummary>> {
  authorize(actor.principal, 'sales', 'read');
  const input = validateInput(listQuotesQuerySchema, raw);
  const after = decodeCursor(input.cursor, 2);
  const like = input.q ? `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const conds: (SQL | undefined)[] = [
    input.status ? eq(quotes.status, input.status) : undefined,
    input.customerId ? eq(quotes.customerId, input.customerId) : undefined,
    input.dealId ? eq(quotes.dealId, input.dealId) : undefined,
    input.ownerId ? eq(quotes.ownerId, input.ownerId) : undefined,
    like ? sql`(${quotes.number} ilike ${like} or ${customers.displayName} ilike ${like})` : undefined,
    after
      ? sql`(${quotes.createdAt}, ${quotes.id}) < (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)`
      : undefined,
  ];
  const rows = await db
    .select({ quote: quotes, customerName: customers.displayName, ownerName: users.name })
    .from(quotes)
    .innerJoin(customers, eq(customers.id, quotes.customerId))
    .leftJoin(users, eq(users.id, quotes.ownerId))
    .where(visibleQuote(db, actor, ...conds))
    .orderBy(desc(quotes.createdAt), desc(quotes.id))
    .limit(input.limit + 1);
  return toPage(
    rows.map((r) => toQuoteSummary(r.quote, r.customerName ?? '', r.ownerName ?? null)),
    input.limit,
    (q) => [q.createdAt, q.id],
  );
}

/** One quote with its lines. */
export async function getQuote(db: DbOrTx, actor: Actor, id: string): Promise<QuoteView> {
  return loadQuoteView(db, await quoteFor(db, actor, id, 'read'));
}
