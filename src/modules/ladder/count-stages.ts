import { and, eq, sql } from 'drizzle-orm';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { customers, visibleCustomer } from '../customers/index.ts';
import type { StageCounts } from './ladder-view.ts';
import { customerLadder } from './schema.ts';
import { LADDER_STAGES, type LadderStage } from './stages.ts';

/**
 * How many of the active customers the caller may see stand on each stage (every stage
 * listed, lowest first). A customer not yet judged counts as a prospect.
 */
export async function countStages(db: DbOrTx, actor: Actor): Promise<StageCounts> {
  authorize(actor.principal, 'customers', 'read');
  const stage = sql<string>`coalesce(${customerLadder.stage}, 'prospect')`;
  const rows = await db
    .select({ stage, n: sql<number>`count(*)::int` })
    .from(customers)
    .leftJoin(customerLadder, eq(customerLadder.customerId, customers.id))
    .where(visibleCustomer(actor, and(eq(customers.status, 'active'))))
    .groupBy(stage);
  const counts = new Map(rows.map((r) => [r.stage, Number(r.n)]));
  const stages = LADDER_STAGES.map((s: LadderStage) => ({ stage: s, count: counts.get(s) ?? 0 }));
  return { total: stages.reduce((sum, s) => sum + s.count, 0), stages };
}
