import { z } from '@hono/zod-openapi';
import { and, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError, invalidField } from '../../core/errors/app-error.ts';
import { decodeCursor, type Page, toPage } from '../../core/http/pagination.ts';
import { customers, visibleCustomer } from '../customers/index.ts';
import { customerMerges } from './schema.ts';

export const mergeViewSchema = z
  .object({
    id: z.uuid(),
    survivorId: z.uuid(),
    mergedIds: z.array(z.uuid()),
    fieldChoices: z.record(z.string(), z.string()),
    actorUserId: z.uuid().nullable(),
    createdAt: z.string(),
    undoUntil: z.string(),
    undoneAt: z.string().nullable(),
    /** True while the merge can still be undone (not undone, grace period running, survivor active). */
    canUndo: z.boolean(),
  })
  .openapi('CustomerMerge');
export type MergeView = z.infer<typeof mergeViewSchema>;

/** Merges a profile took part in (as survivor or as merged), newest first. */
export async function listMerges(
  db: DbOrTx,
  actor: Actor,
  customerId: string,
  input: { limit: number; cursor?: string | undefined },
): Promise<Page<MergeView>> {
  authorize(actor.principal, 'customers', 'read');
  const [profile] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(visibleCustomer(actor, eq(customers.id, customerId)));
  if (!profile) throw new AppError('not_found');
  const after = decodeCursor(input.cursor, 2);
  let older: SQL | undefined;
  if (after) {
    const [at, id] = after;
    if (
      typeof at !== 'string' ||
      Number.isNaN(Date.parse(at)) ||
      typeof id !== 'string' ||
      !/^[0-9a-f-]{36}$/i.test(id)
    ) {
      throw invalidField('cursor', 'invalid cursor', 'ตัวชี้หน้าไม่ถูกต้อง');
    }
    older = sql`(${customerMerges.createdAt}, ${customerMerges.id}) < (${at}::timestamptz, ${id}::uuid)`;
  }
  const rows = await db
    .select({
      merge: customerMerges,
      survivorStatus: customers.status,
      hasSnapshot: sql<boolean>`${customerMerges.snapshot} is not null`,
    })
    .from(customerMerges)
    .innerJoin(customers, eq(customers.id, customerMerges.survivorId))
    .where(
      and(
        or(eq(customerMerges.survivorId, customerId), sql`${customerId}::uuid = any(${customerMerges.mergedIds})`),
        older,
      ),
    )
    .orderBy(desc(customerMerges.createdAt), desc(customerMerges.id))
    .limit(input.limit + 1);
  const now = Date.now();
  const views = rows.map(({ merge: m, survivorStatus, hasSnapshot }) => ({
    id: m.id,
    survivorId: m.survivorId,
    mergedIds: m.mergedIds,
    fieldChoices: m.fieldChoices,
    actorUserId: m.actorUserId,
    createdAt: m.createdAt.toISOString(),
    undoUntil: m.undoUntil.toISOString(),
    undoneAt: m.undoneAt?.toISOString() ?? null,
    canUndo: !m.undoneAt && hasSnapshot && m.undoUntil.getTime() > now && survivorStatus === 'active',
  }));
  return toPage(views, input.limit, (v) => [v.createdAt, v.id]);
}
