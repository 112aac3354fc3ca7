import { z } from '@hono/zod-openapi';
import { desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { decodeCursor, type Page, pageQuerySchema, toPage } from '../../core/http/pagination.ts';
import { validateInput } from '../customers/index.ts';
import { visibleLead } from './lead-access.ts';
import { LEAD_SOURCES, LEAD_STATUSES } from './lead-input.ts';
import { type LeadView, rowsToViews, selectLeads } from './lead-view.ts';
import { leads } from './schema.ts';

export const listLeadsQuerySchema = pageQuerySchema.extend({
  status: z.enum(LEAD_STATUSES).optional(),
  ownerId: z
    .union([z.literal('me'), z.literal('none'), z.string().uuid()])
    .optional()
    .openapi({ description: 'A user id, me, or none (unassigned).' }),
  source: z.enum(LEAD_SOURCES).optional(),
  minScore: z.coerce.number().int().min(0).max(100).optional(),
  maxScore: z.coerce.number().int().min(0).max(100).optional(),
  q: z.string().trim().max(100).optional().openapi({ description: 'Name, company, email or phone contains.' }),
  sort: z.enum(['recent', 'score']).default('recent'),
});
export type ListLeadsInput = z.input<typeof listLeadsQuerySchema>;

/** `%`, `_` and `\` typed by a user match themselves. */
const likeText = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Leads the caller may see, newest (or best scored) first, filtered and paged by cursor. */
export async function listLeads(db: DbOrTx, actor: Actor, raw: ListLeadsInput): Promise<Page<LeadView>> {
  authorize(actor.principal, 'sales', 'read');
  const input = validateInput(listLeadsQuerySchema, raw);
  const byScore = input.sort === 'score';
  const after = decodeCursor(input.cursor, byScore ? 3 : 2);
  const owner =
    input.ownerId === 'me'
      ? actor.principal.userId
        ? eq(leads.ownerId, actor.principal.userId)
        : sql`false`
      : input.ownerId === 'none'
        ? sql`${leads.ownerId} is null`
        : input.ownerId
          ? eq(leads.ownerId, input.ownerId)
          : undefined;
  const phoneDigits = input.q?.replace(/\D/g, '') ?? '';
  const conds: (SQL | undefined)[] = [
    input.status ? eq(leads.status, input.status) : undefined,
    owner,
    input.source ? eq(leads.source, input.source) : undefined,
    input.minScore === undefined ? undefined : sql`${leads.score} >= ${input.minScore}`,
    input.maxScore === undefined ? undefined : sql`${leads.score} <= ${input.maxScore}`,
    input.q
      ? or(
          ilike(leads.displayName, likeText(input.q)),
          ilike(leads.company, likeText(input.q)),
          ilike(leads.email, likeText(input.q)),
          phoneDigits.length >= 3 ? ilike(leads.phone, likeText(phoneDigits.replace(/^0/, ''))) : undefined,
        )
      : undefined,
    after
      ? byScore
        ? sql`(${leads.score}, ${leads.createdAt}, ${leads.id}) < (${Number(after[0])}, ${String(after[1])}::timestamptz, ${String(after[2])}::uuid)`
        : sql`(${leads.createdAt}, ${leads.id}) < (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)`
      : undefined,
  ];
  const rows = await selectLeads(db)
    .where(visibleLead(actor, ...conds))
    .orderBy(...(byScore ? [desc(leads.score)] : []), desc(leads.createdAt), desc(leads.id))
    .limit(input.limit + 1);
  return toPage(await rowsToViews(db, actor, rows), input.limit, (l) =>
    byScore ? [l.score, l.createdAt, l.id] : [l.createdAt, l.id],
  );
}
