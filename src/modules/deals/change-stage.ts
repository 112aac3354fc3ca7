import { eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { rankAt } from './board-rank.ts';
import { type DealAction, dealTimelineEntry } from './deal-timeline.ts';
import { dealStageHistory, deals, type pipelineStages } from './schema.ts';

type Deal = typeof deals.$inferSelect;
type Stage = typeof pipelineStages.$inferSelect;

export interface StageChange {
  position?: number | undefined;
  lostReason?: string | undefined;
}

/**
 * Puts a deal on a stage of its pipeline (the caller checked the pipeline). The stage's
 * kind decides the status: a won stage wins the deal, a lost stage loses it (a reason is
 * required), an open stage (re)opens it. A new stage writes a history row, a timeline
 * entry, an audit entry and deals.stage_changed (+ deals.won / deals.lost); a move within
 * the same stage only reorders the board.
 */
export async function changeStage(
  tx: DbOrTx,
  actor: Actor,
  before: Deal,
  stage: Stage,
  change: StageChange,
): Promise<Deal> {
  const kind = stage.kind as 'open' | 'won' | 'lost';
  const reason = change.lostReason?.trim();
  if (kind === 'lost' && !reason && before.status !== 'lost') throw new AppError('deal_lost_reason_required');
  const moved = stage.id !== before.stageId;
  const now = new Date();
  const status = kind;
  const [row] = await tx
    .update(deals)
    .set({
      stageId: stage.id,
      status,
      rank: await rankAt(tx, actor, stage.id, before.id, change.position),
      ...(moved ? { stageEnteredAt: now } : {}),
      wonAt: status === 'won' ? (before.wonAt ?? now) : null,
      lostAt: status === 'lost' ? (before.lostAt ?? now) : null,
      lostReason: status === 'lost' ? (reason ?? before.lostReason) : null,
      updatedAt: now,
    })
    .where(eq(deals.id, before.id))
    .returning();
  if (!row) throw new AppError('not_found');
  if (!moved && status === before.status) return row;
  if (moved)
    await tx.insert(dealStageHistory).values({
      dealId: row.id,
      fromStageId: before.stageId,
      toStageId: stage.id,
      movedAt: now,
      movedBy: actor.principal.userId ?? null,
    });
  const closed = status !== before.status && status !== 'open';
  const action: DealAction = closed
    ? (status as 'won' | 'lost')
    : before.status !== 'open'
      ? 'reopened'
      : 'stage_changed';
  await dealTimelineEntry(tx, actor, row, stage, action, now);
  await recordAudit(tx, actor, {
    entityType: 'deal',
    entityId: row.id,
    action: closed ? status : 'move',
    changes: {
      stageId: { before: before.stageId, after: row.stageId },
      ...(status !== before.status ? { status: { before: before.status, after: status } } : {}),
      ...(status === 'lost' ? { lostReason: { before: before.lostReason, after: row.lostReason } } : {}),
    },
  });
  const payload = {
    customerId: row.customerId,
    pipelineId: row.pipelineId,
    fromStageId: before.stageId,
    toStageId: row.stageId,
    status,
    valueSatang: row.valueSatang,
    currency: row.currency,
  };
  if (moved) await emitEvent(tx, { topic: 'deals.stage_changed', aggregateType: 'deal', aggregateId: row.id, payload });
  if (closed)
    await emitEvent(tx, {
      topic: `deals.${status}`,
      aggregateType: 'deal',
      aggregateId: row.id,
      payload: { ...payload, ...(status === 'lost' ? { reason: row.lostReason } : {}) },
    });
  return row;
}
