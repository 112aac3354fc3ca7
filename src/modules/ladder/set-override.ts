import { eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import { validateInput } from '../customers/index.ts';
import { getCustomerLadder } from './get-customer-ladder.ts';
import { type CustomerLadderView, type OverrideInput, overrideInputSchema } from './ladder-view.ts';
import { lockLadderRow } from './lock-ladder-row.ts';
import { customerLadder } from './schema.ts';
import type { LadderStage } from './stages.ts';
import { writeStaffStageChange } from './write-stage-change.ts';

/**
 * Staff put a customer on a stage, with a reason. The rules keep judging the customer
 * (rule_stage moves) but do not change the stage shown until the override is cleared.
 */
export async function setLadderOverride(
  db: Db,
  actor: Actor,
  customerId: string,
  raw: OverrideInput,
): Promise<CustomerLadderView> {
  const input = validateInput(overrideInputSchema, raw);
  await db.transaction(async (tx) => {
    const row = await lockLadderRow(tx, actor, customerId);
    // A retried PUT (the same stage for the same reason) changes nothing and records nothing.
    if (row.overrideStage === input.stage && row.overrideReason === input.reason) return;
    const now = new Date();
    await tx
      .update(customerLadder)
      .set({
        stage: input.stage,
        overrideStage: input.stage,
        overrideReason: input.reason,
        overrideBy: actor.principal.userId,
        overrideAt: now,
        ...(row.stage === input.stage ? {} : { since: now }),
      })
      .where(eq(customerLadder.customerId, customerId));
    await writeStaffStageChange(tx, actor, {
      customerId,
      from: row.stage as LadderStage,
      to: input.stage,
      source: 'override',
      reason: input.reason,
      overrideBefore: { stage: row.overrideStage, reason: row.overrideReason },
      overrideAfter: { stage: input.stage, reason: input.reason },
    });
  });
  return getCustomerLadder(db, actor, customerId);
}
