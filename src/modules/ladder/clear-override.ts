import { eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { getCustomerLadder } from './get-customer-ladder.ts';
import type { CustomerLadderView } from './ladder-view.ts';
import { lockLadderRow } from './lock-ladder-row.ts';
import { customerLadder } from './schema.ts';
import type { LadderStage } from './stages.ts';
import { writeStaffStageChange } from './write-stage-change.ts';

/** Hands the customer back to the rules: the stage becomes what the rules last gave. */
export async function clearLadderOverride(db: Db, actor: Actor, customerId: string): Promise<CustomerLadderView> {
  await db.transaction(async (tx) => {
    const row = await lockLadderRow(tx, actor, customerId);
    if (!row.overrideStage) throw new AppError('ladder_no_override');
    const now = new Date();
    await tx
      .update(customerLadder)
      .set({
        stage: row.ruleStage,
        overrideStage: null,
        overrideReason: null,
        overrideBy: null,
        overrideAt: null,
        ...(row.stage === row.ruleStage ? {} : { since: now }),
      })
      .where(eq(customerLadder.customerId, customerId));
    await writeStaffStageChange(tx, actor, {
      customerId,
      from: row.stage as LadderStage,
      to: row.ruleStage as LadderStage,
      source: 'override_cleared',
      reason: null,
      overrideBefore: { stage: row.overrideStage, reason: row.overrideReason },
      overrideAfter: { stage: null, reason: null },
    });
  });
  return getCustomerLadder(db, actor, customerId);
}
