import { and, eq, ne } from 'drizzle-orm';
import { diffFields, recordAudit } from '../../core/audit/record-audit.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { validateInput } from '../customers/index.ts';
import { authorizePipelineChange } from './deal-access.ts';
import { type UpdatePipelineInput, updatePipelineSchema } from './pipeline-input.ts';
import { type PipelineView, withStages } from './pipeline-view.ts';
import { pipelines } from './schema.ts';

/** Renames, reorders, archives or makes default a pipeline. The default one cannot be archived. */
export async function updatePipeline(
  db: DbOrTx,
  actor: Actor,
  id: string,
  raw: UpdatePipelineInput,
): Promise<PipelineView> {
  authorizePipelineChange(actor);
  const input = validateInput(updatePipelineSchema, raw);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(pipelines).where(eq(pipelines.id, id)).for('update');
    if (!before) throw new AppError('not_found');
    const archived = input.archived ?? before.archived;
    const isDefault = input.isDefault ?? before.isDefault;
    if (archived && isDefault) throw new AppError('deal_pipeline_archived', { pipeline: before.nameTh });
    const [row] = await tx
      .update(pipelines)
      .set({
        ...(input.nameTh !== undefined ? { nameTh: input.nameTh } : {}),
        ...(input.nameEn !== undefined ? { nameEn: input.nameEn } : {}),
        ...(input.position !== undefined ? { position: input.position } : {}),
        archived,
        isDefault,
        updatedAt: new Date(),
      })
      .where(eq(pipelines.id, id))
      .returning();
    if (!row) throw new AppError('not_found');
    if (input.isDefault && !before.isDefault)
      await tx
        .update(pipelines)
        .set({ isDefault: false })
        .where(and(ne(pipelines.id, id), eq(pipelines.isDefault, true)));
    const changes = diffFields(before, row);
    await recordAudit(tx, actor, { entityType: 'pipeline', entityId: id, action: 'update', changes });
    await emitEvent(tx, {
      topic: 'pipelines.updated',
      aggregateType: 'pipeline',
      aggregateId: id,
      payload: { fields: Object.keys(changes) },
    });
    const [view] = await withStages(tx, [row]);
    if (!view) throw new Error('pipeline vanished');
    return view;
  });
}
