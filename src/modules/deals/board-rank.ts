import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { visibleDeal } from './deal-access.ts';
import { deals } from './schema.ts';

const STEP = 1024;
const MIN_GAP = 1e-6;

/** Rank after the last open deal of a stage: a new or moved deal goes to the bottom. */
export async function lastRank(tx: DbOrTx, stageId: string): Promise<number> {
  const [last] = await tx
    .select({ rank: deals.rank })
    .from(deals)
    .where(and(eq(deals.stageId, stageId), eq(deals.status, 'open')))
    .orderBy(desc(deals.rank), desc(deals.id))
    .limit(1);
  return (last?.rank ?? 0) + STEP;
}

async function neighbours(tx: DbOrTx, actor: Actor, stageId: string, dealId: string, position: number) {
  const conds = [eq(deals.stageId, stageId), eq(deals.status, 'open'), ne(deals.id, dealId)];
  return tx
    .select({ rank: deals.rank })
    .from(deals)
    .where(visibleDeal(tx, actor, ...conds))
    .orderBy(asc(deals.rank), asc(deals.id))
    .offset(Math.max(0, position - 1))
    .limit(2);
}

/** Spreads a stage's open deals evenly again when two neighbours' ranks got too close. */
async function respread(tx: DbOrTx, stageId: string): Promise<void> {
  await tx.execute(sql`
    update deals d set rank = r.n * ${STEP}
      from (select id, row_number() over (order by rank, id) as n
              from deals where stage_id = ${stageId} and status = 'open') r
     where d.id = r.id`);
}

/**
 * The rank that puts a deal at `position` (0-based) among the open deals of a stage that
 * the caller sees (what their board shows), or last when no position is given.
 */
export async function rankAt(
  tx: DbOrTx,
  actor: Actor,
  stageId: string,
  dealId: string,
  position: number | undefined,
): Promise<number> {
  if (position === undefined) return lastRank(tx, stageId);
  for (let attempt = 0; attempt < 2; attempt++) {
    const rows = await neighbours(tx, actor, stageId, dealId, position);
    if (position === 0) {
      const first = rows[0]?.rank;
      return first === undefined ? STEP : first - STEP;
    }
    const before = rows[0]?.rank;
    const after = rows[1]?.rank;
    if (before === undefined) return lastRank(tx, stageId);
    if (after === undefined) return before + STEP;
    if (after - before > MIN_GAP) return (before + after) / 2;
    await respread(tx, stageId);
  }
  return lastRank(tx, stageId);
}
