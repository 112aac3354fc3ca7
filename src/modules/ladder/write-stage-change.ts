import { recordAudit } from '../../core/audit/record-audit.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { recordActivity } from '../activities/index.ts';
import { ladderHistory } from './schema.ts';
import type { LadderChangeSource, LadderStage } from './stages.ts';
import { ladderTimelineData, ladderTimelineSubject } from './timeline-entry.ts';

export interface StaffStageChange {
  customerId: string;
  from: LadderStage | null;
  to: LadderStage;
  source: Exclude<LadderChangeSource, 'rules'>;
  reason: string | null;
  /** The override before and after, for the audit entry. */
  overrideBefore: { stage: string | null; reason: string | null };
  overrideAfter: { stage: string | null; reason: string | null };
}

/**
 * Records a change staff made (an override set or cleared): history, timeline, audit and
 * an event, in the caller's transaction. The history keeps every override, even one that
 * pins the stage the rules already give.
 */
export async function writeStaffStageChange(tx: DbOrTx, actor: Actor, change: StaffStageChange): Promise<void> {
  await tx.insert(ladderHistory).values({
    customerId: change.customerId,
    fromStage: change.from,
    toStage: change.to,
    source: change.source,
    reason: change.reason,
    actorUserId: actor.principal.userId,
  });
  await recordActivity(tx, {
    customerId: change.customerId,
    kind: 'system',
    subject: ladderTimelineSubject(change.from, change.to, change.source),
    body: change.reason,
    refType: 'ladder',
    data: { ...ladderTimelineData(change.from, change.to, change.source) },
    actorUserId: actor.principal.userId,
  });
  await recordAudit(tx, actor, {
    entityType: 'customer',
    entityId: change.customerId,
    action: change.source === 'override' ? 'ladder_override' : 'ladder_override_clear',
    before: {
      ladderStage: change.from,
      ladderOverride: change.overrideBefore.stage,
      ladderOverrideReason: change.overrideBefore.reason,
    },
    after: {
      ladderStage: change.to,
      ladderOverride: change.overrideAfter.stage,
      ladderOverrideReason: change.overrideAfter.reason,
    },
  });
  await emitEvent(tx, {
    topic: 'customer.ladder_changed',
    aggregateType: 'customer',
    aggregateId: change.customerId,
    payload: { from: change.from, to: change.to, source: change.source },
  });
}
