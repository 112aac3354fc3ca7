import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError, invalidField } from '../../core/errors/app-error.ts';
import { pipelineStages, pipelines } from './schema.ts';

type Stage = typeof pipelineStages.$inferSelect;

/** A stage by id, or the coded error a client can act on. */
export async function stageById(tx: DbOrTx, stageId: string): Promise<Stage> {
  const [stage] = await tx.select().from(pipelineStages).where(eq(pipelineStages.id, stageId));
  if (!stage) throw new AppError('deal_stage_unknown', { stageId });
  return stage;
}

/** A stage that must belong to `pipelineId`: another pipeline's stage is refused by name. */
export async function stageOfPipeline(tx: DbOrTx, pipelineId: string, stageId: string): Promise<Stage> {
  const stage = await stageById(tx, stageId);
  if (stage.pipelineId !== pipelineId)
    throw new AppError('deal_stage_other_pipeline', { stage: stage.nameEn ?? stage.nameTh, stageId });
  return stage;
}

/** The pipeline a new deal goes to (given, the stage's, or the default) and its starting open stage. */
export async function startingStage(
  tx: DbOrTx,
  pipelineId: string | undefined,
  stageId: string | undefined,
): Promise<Stage> {
  const pipelineOf = pipelineId ?? (stageId ? (await stageById(tx, stageId)).pipelineId : undefined);
  const [pipeline] = await tx
    .select()
    .from(pipelines)
    .where(pipelineOf ? eq(pipelines.id, pipelineOf) : eq(pipelines.isDefault, true))
    .limit(1);
  if (!pipeline) throw new AppError('deal_pipeline_unknown', { pipelineId: pipelineOf ?? 'default' });
  if (pipeline.archived) throw new AppError('deal_pipeline_archived', { pipeline: pipeline.nameTh });
  if (stageId) {
    const stage = await stageOfPipeline(tx, pipeline.id, stageId);
    if (stage.kind !== 'open')
      throw invalidField('stageId', 'a new deal starts on an open stage', 'ดีลใหม่ต้องเริ่มในขั้นตอนที่เปิดอยู่');
    return stage;
  }
  const [first] = await tx
    .select()
    .from(pipelineStages)
    .where(and(eq(pipelineStages.pipelineId, pipeline.id), eq(pipelineStages.kind, 'open')))
    .orderBy(asc(pipelineStages.position))
    .limit(1);
  if (!first) throw new AppError('pipeline_needs_open_stage');
  return first;
}

/** The first stage of a kind (won or lost) in a pipeline, if it has one. */
export async function closingStage(tx: DbOrTx, pipelineId: string, kind: 'won' | 'lost'): Promise<Stage | undefined> {
  const [stage] = await tx
    .select()
    .from(pipelineStages)
    .where(and(eq(pipelineStages.pipelineId, pipelineId), eq(pipelineStages.kind, kind)))
    .orderBy(asc(pipelineStages.position))
    .limit(1);
  return stage;
}
