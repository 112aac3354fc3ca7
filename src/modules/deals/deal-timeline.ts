import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { recordActivity } from '../activities/index.ts';
import type { deals, pipelineStages } from './schema.ts';

export type DealAction = 'created' | 'stage_changed' | 'won' | 'lost' | 'reopened';

/**
 * A 'deal' entry on the customer's timeline: the title as subject, and in data the action,
 * status, amount, currency and the stage in both languages (activity-kinds.ts words it).
 */
export async function dealTimelineEntry(
  tx: DbOrTx,
  actor: Actor,
  deal: typeof deals.$inferSelect,
  stage: typeof pipelineStages.$inferSelect,
  action: DealAction,
  at: Date,
): Promise<void> {
  await recordActivity(tx, {
    customerId: deal.customerId,
    kind: 'deal',
    occurredAt: at,
    subject: deal.title,
    refType: 'deal',
    refId: deal.id,
    data: {
      action,
      status: deal.status,
      amount: deal.valueSatang,
      currency: deal.currency,
      stageTh: stage.nameTh,
      ...(stage.nameEn ? { stageEn: stage.nameEn } : {}),
      ...(deal.lostReason && action === 'lost' ? { reason: deal.lostReason } : {}),
    },
    actorUserId: actor.principal.userId ?? null,
  });
}
