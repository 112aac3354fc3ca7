import { z } from '@hono/zod-openapi';
import { desc, eq, type SQL, sql } from 'drizzle-orm';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { decodeCursor, type Page, pageQuerySchema, toPage } from '../../core/http/pagination.ts';
import { validateInput } from '../customers/index.ts';
import { visibleDeal } from './deal-access.ts';
import { type DealCard, selectCards, toCard } from './deal-card.ts';
import { DEAL_STATUSES } from './deal-input.ts';
import { deals } from './schema.ts';

export const listDealsQuerySchema = pageQuerySchema.extend({
  pipelineId: z.string().uuid().optional(),
  stageId: z.string().uuid().optional(),
  ownerId: z.string().uuid().optional(),
  customerId: z.string().uuid().optional(),
  status: z.enum(DEAL_STATUSES).optional(),
});
export type ListDealsInput = z.input<typeof listDealsQuerySchema>;

/** Deals the caller may see, newest first, paged by cursor and filtered. */
export async function listDeals(db: DbOrTx, actor: Actor, raw: ListDealsInput): Promise<Page<DealCard>> {
  authorize(actor.principal, 'sales', 'read');
  const input = validateInput(listDealsQuerySchema, raw);
  const after = decodeCursor(input.cursor, 2);
  const conds: (SQL | undefined)[] = [
    input.pipelineId ? eq(deals.pipelineId, input.pipelineId) : undefined,
    input.stageId ? eq(deals.stageId, input.stageId) : undefined,
    input.ownerId ? eq(deals.ownerId, input.ownerId) : undefined,
    input.customerId ? eq(deals.customerId, input.customerId) : undefined,
    input.status ? eq(deals.status, input.status) : undefined,
    after
      ? sql`(${deals.createdAt}, ${deals.id}) < (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)`
      : undefined,
  ];
  const rows = await selectCards(db)
    .where(visibleDeal(db, actor, ...conds))
    .orderBy(desc(deals.createdAt), desc(deals.id))
    .limit(input.limit + 1);
  return toPage(rows.map(toCard), input.limit, (d) => [d.createdAt, d.id]);
}
