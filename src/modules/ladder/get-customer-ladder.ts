import { desc, eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import { users } from '../../core/auth/schema.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { getCustomer } from '../customers/index.ts';
import type { CustomerLadderView } from './ladder-view.ts';
import { customerLadder, ladderHistory } from './schema.ts';
import type { LadderChangeSource, LadderStage } from './stages.ts';

const HISTORY_LIMIT = 100;

/** A customer's stage, why, any override, and the latest changes (newest first). */
export async function getCustomerLadder(db: DbOrTx, actor: Actor, customerId: string): Promise<CustomerLadderView> {
  await getCustomer(db, actor, customerId);
  const [row] = await db
    .select({ l: customerLadder, byName: users.name })
    .from(customerLadder)
    .leftJoin(users, eq(users.id, customerLadder.overrideBy))
    .where(eq(customerLadder.customerId, customerId));
  const history = await db
    .select({ h: ladderHistory, actorName: users.name })
    .from(ladderHistory)
    .leftJoin(users, eq(users.id, ladderHistory.actorUserId))
    .where(eq(ladderHistory.customerId, customerId))
    .orderBy(desc(ladderHistory.at), desc(ladderHistory.id))
    .limit(HISTORY_LIMIT);
  const l = row?.l;
  return {
    customerId,
    stage: (l?.stage ?? 'prospect') as LadderStage,
    ruleStage: (l?.ruleStage ?? 'prospect') as LadderStage,
    since: l?.since.toISOString() ?? null,
    computedAt: l?.computedAt.toISOString() ?? null,
    facts: {
      purchases: l?.facts.purchases ?? 0,
      referrals: l?.facts.referrals ?? 0,
      matched: l?.facts.matched ?? 'none',
    },
    override:
      l?.overrideStage && l.overrideAt
        ? {
            stage: l.overrideStage as LadderStage,
            reason: l.overrideReason ?? '',
            byName: row?.byName ?? null,
            at: l.overrideAt.toISOString(),
          }
        : null,
    history: history.map(({ h, actorName }) => ({
      id: h.id,
      fromStage: (h.fromStage ?? null) as LadderStage | null,
      toStage: h.toStage as LadderStage,
      at: h.at.toISOString(),
      source: h.source as LadderChangeSource,
      reason: h.reason,
      actorName,
    })),
  };
}
