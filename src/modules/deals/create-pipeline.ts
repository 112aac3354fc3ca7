import { ne } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { validateInput } from '../customers/index.ts';
import { authorizePipelineChange } from './deal-access.ts';
import { type CreatePipelineInput, createPipelineSchema } from './pipeline-input.ts';
import { type PipelineView, withStages } from './pipeline-view.ts';
import { pipelineStages, pipelines } from './schema.ts';

/** A new pipeline with its stages, in one transaction; it may become the default. */
export async function createPipeline(db: DbOrTx, actor: Actor, raw: CreatePipelineInput): Promise<PipelineView> {
  authorizePipelineChange(actor);
  const input = validateInput(createPipelineSchema, raw);
  if (!input.stages.some((s) => s.kind === 'open')) throw new AppError('pipeline_needs_open_stage');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(pipelines)
      .values({
        nameTh: input.nameTh,
        nameEn: input.nameEn ?? null,
        isDefault: input.isDefault,
        position: input.position ?? 0,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    if (input.isDefault) await tx.update(pipelines).set({ isDefault: false }).where(ne(pipelines.id, row.id));
    await tx.insert(pipelineStages).values(
      input.stages.map((s, i) => ({
        pipelineId: row.id,
        nameTh: s.nameTh,
        nameEn: s.nameEn ?? null,
        probability: s.probability,
        kind: s.kind,
        position: s.position ?? i,
      })),
    );
    await recordAudit(tx, actor, {
      entityType: 'pipeline',
      entityId: row.id,
      action: 'create',
      after: { nameTh: row.nameTh, nameEn: row.nameEn, isDefault: row.isDefault, stages: input.stages.length },
    });
    await emitEvent(tx, {
      topic: 'pipelines.created',
      aggregateType: 'pipeline',
      aggregateId: row.id,
      payload: { nameTh: row.nameTh, stages: input.stages.length },
    });
    const [view] = await withStages(tx, [row]);
    if (!view) throw new Error('pipeline vanished');
    return view;
  });
}
