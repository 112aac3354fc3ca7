import { and, eq, or, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { lastRank } from './board-rank.ts';
import { authorizePipelineChange } from './deal-access.ts';
import { stageById } from './deal-pipeline.ts';
import { dealStageHistory, deals, pipelineStages, pipelines } from './schema.ts';

const STEP = 1024;

/**
 * Deletes a stage of a pipeline (managers and admins). Deals on it — and the stage history
 * that mentions it — move to `moveTo`, a stage of the same pipeline and kind, in the same
 * transaction; without one, a stage still in use is refused. The last stage of its kind
 * (open, won or lost) stays, so deals always have somewhere to go.
 */
export async function deleteStage(
  db: DbOrTx,
  actor: Actor,
  pipelineId: string,
  stageId: string,
  moveTo: string | undefined,
): Promise<{ movedDeals: number }> {
  authorizePipelineChange(actor);
  return db.transaction(async (tx) => {
    const [pipeline] = await tx.select().from(pipelines).where(eq(pipelines.id, pipelineId)).for('update');
    if (!pipeline) throw new AppError('not_found');
    const [stage] = await tx
      .select()
      .from(pipelineStages)
      .where(and(eq(pipelineStages.id, stageId), eq(pipelineStages.pipelineId, pipelineId)));
    if (!stage) throw new AppError('not_found');
    const name = stage.nameEn ?? stage.nameTh;
    const [same] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(pipelineStages)
      .where(and(eq(pipelineStages.pipelineId, pipelineId), eq(pipelineStages.kind, stage.kind)));
    if (Number(same?.n ?? 0) <= 1) throw new AppError('pipeline_stage_last_of_kind', { stage: name, kind: stage.kind });
    const onStage = await tx.select().from(deals).where(eq(deals.stageId, stageId)).for('update');
    const [mentioned] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(dealStageHistory)
      .where(or(eq(dealStageHistory.toStageId, stageId), eq(dealStageHistory.fromStageId, stageId)));
    const target = moveTo ? await stageById(tx, moveTo) : undefined;
    if (target) {
      if (target.pipelineId !== pipelineId)
        throw new AppError('pipeline_stage_target_other_pipeline', { stage: target.nameEn ?? target.nameTh });
      if (target.id === stageId) throw new AppError('pipeline_stage_target_self');
      if (target.kind !== stage.kind)
        throw new AppError('pipeline_stage_target_kind', { stage: target.nameEn ?? target.nameTh, kind: stage.kind });
    } else if (onStage.length > 0) {
      throw new AppError('pipeline_stage_has_deals', { stage: name, count: onStage.length });
    } else if (Number(mentioned?.n ?? 0) > 0) {
      throw new AppError('pipeline_stage_in_history', { stage: name });
    }
    if (target && onStage.length > 0) {
      // Open deals go to the bottom of the target's column, in their old order.
      let rank = await lastRank(tx, target.id);
      const ordered = [...onStage].sort((a, b) => a.rank - b.rank || a.id.localeCompare(b.id));
      for (const deal of ordered) {
        await tx.update(deals).set({ stageId: target.id, rank, updatedAt: new Date() }).where(eq(deals.id, deal.id));
        rank += STEP;
        await recordAudit(tx, actor, {
          entityType: 'deal',
          entityId: deal.id,
          action: 'move',
          changes: {
            stageId: { before: stageId, after: target.id },
            reason: { before: null, after: 'stage_deleted' },
          },
        });
        await emitEvent(tx, {
          topic: 'deals.stage_changed',
          aggregateType: 'deal',
          aggregateId: deal.id,
          payload: {
            customerId: deal.customerId,
            pipelineId,
            fromStageId: stageId,
            toStageId: target.id,
            status: deal.status,
            valueSatang: deal.valueSatang,
            currency: deal.currency,
            reason: 'stage_deleted',
          },
        });
      }
    }
    if (target) {
      // The history keeps its times; the deleted stage's stays now count as the target's.
      await tx.update(dealStageHistory).set({ toStageId: target.id }).where(eq(dealStageHistory.toStageId, stageId));
      await tx
        .update(dealStageHistory)
        .set({ fromStageId: target.id })
        .where(eq(dealStageHistory.fromStageId, stageId));
    }
    await tx.delete(pipelineStages).where(eq(pipelineStages.id, stageId));
    await recordAudit(tx, actor, {
      entityType: 'pipeline_stage',
      entityId: stageId,
      action: 'delete',
      before: stage,
      changes: {
        movedTo: { before: null, after: target?.id ?? null },
        movedDeals: { before: null, after: onStage.length },
      },
    });
    await emitEvent(tx, {
      topic: 'pipelines.stage_deleted',
      aggregateType: 'pipeline',
      aggregateId: pipelineId,
      payload: { stageId, movedTo: target?.id ?? null, movedDeals: onStage.length },
    });
    return { movedDeals: onStage.length };
  });
}
