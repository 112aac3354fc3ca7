import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { validateInput } from '../customers/index.ts';
import { authorizePipelineChange } from './deal-access.ts';
import { type StageInput, stageInputSchema } from './pipeline-input.ts';
import { type StageView, toStageView } from './pipeline-view.ts';
import { pipelineStages, pipelines } from './schema.ts';

/** Adds a stage to a pipeline (by default as its last column). */
export async function addStage(db: DbOrTx, actor: Actor, pipelineId: string, raw: StageInput): Promise<StageView> {
  authorizePipelineChange(actor);
  const input = validateInput(stageInputSchema, raw);
  return db.transaction(async (tx) => {
    const [pipeline] = await tx.select().from(pipelines).where(eq(pipelines.id, pipelineId)).for('update');
    if (!pipeline) throw new AppError('not_found');
    const [last] = await tx
      .select({ max: sql<number | null>`max(${pipelineStages.position})` })
      .from(pipelineStages)
      .where(eq(pipelineStages.pipelineId, pipelineId));
    const [row] = await tx
      .insert(pipelineStages)
      .values({
        pipelineId,
        nameTh: input.nameTh,
        nameEn: input.nameEn ?? null,
        probability: input.probability,
        kind: input.kind,
        position: input.position ?? Number(last?.max ?? -1) + 1,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordAudit(tx, actor, { entityType: 'pipeline_stage', entityId: row.id, action: 'create', after: row });
    await emitEvent(tx, {
      topic: 'pipelines.stage_added',
      aggregateType: 'pipeline',
      aggregateId: pipelineId,
      payload: { stageId: row.id },
    });
    return toStageView(row);
  });
}
