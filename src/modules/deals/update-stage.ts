import { eq } from 'drizzle-orm';
import { diffFields, recordAudit } from '../../core/audit/record-audit.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { validateInput } from '../customers/index.ts';
import { authorizePipelineChange } from './deal-access.ts';
import { type UpdateStageInput, updateStageSchema } from './pipeline-input.ts';
import { type StageView, toStageView } from './pipeline-view.ts';
import { pipelineStages } from './schema.ts';

/** Renames, re-weights or moves a stage. Its kind stays: deals on it were closed (or not) by it. */
export async function updateStage(
  db: DbOrTx,
  actor: Actor,
  stageId: string,
  raw: UpdateStageInput,
): Promise<StageView> {
  authorizePipelineChange(actor);
  const input = validateInput(updateStageSchema, raw);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(pipelineStages).where(eq(pipelineStages.id, stageId)).for('update');
    if (!before) throw new AppError('not_found');
    const [row] = await tx
      .update(pipelineStages)
      .set({
        ...(input.nameTh !== undefined ? { nameTh: input.nameTh } : {}),
        ...(input.nameEn !== undefined ? { nameEn: input.nameEn } : {}),
        ...(input.probability !== undefined ? { probability: input.probability } : {}),
        ...(input.position !== undefined ? { position: input.position } : {}),
      })
      .where(eq(pipelineStages.id, stageId))
      .returning();
    if (!row) throw new AppError('not_found');
    const changes = diffFields(before, row);
    await recordAudit(tx, actor, { entityType: 'pipeline_stage', entityId: stageId, action: 'update', changes });
    await emitEvent(tx, {
      topic: 'pipelines.stage_updated',
      aggregateType: 'pipeline',
      aggregateId: row.pipelineId,
      payload: { stageId, fields: Object.keys(changes) },
    });
    return toStageView(row);
  });
}
