import { z } from '@hono/zod-openapi';
import { asc, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { STAGE_KINDS } from './pipeline-input.ts';
import { pipelineStages, type pipelines } from './schema.ts';

export const stageViewSchema = z
  .object({
    id: z.string().uuid(),
    pipelineId: z.string().uuid(),
    nameTh: z.string(),
    nameEn: z.string().nullable(),
    position: z.number().int(),
    probability: z.number().int(),
    kind: z.enum(STAGE_KINDS),
  })
  .openapi('PipelineStage');
export type StageView = z.infer<typeof stageViewSchema>;

export const pipelineViewSchema = z
  .object({
    id: z.string().uuid(),
    nameTh: z.string(),
    nameEn: z.string().nullable(),
    isDefault: z.boolean(),
    archived: z.boolean(),
    position: z.number().int(),
    stages: z.array(stageViewSchema),
  })
  .openapi('Pipeline');
export type PipelineView = z.infer<typeof pipelineViewSchema>;

export function toStageView(s: typeof pipelineStages.$inferSelect): StageView {
  return {
    id: s.id,
    pipelineId: s.pipelineId,
    nameTh: s.nameTh,
    nameEn: s.nameEn,
    position: s.position,
    probability: s.probability,
    kind: s.kind as StageView['kind'],
  };
}

/** Pipelines with their stages in board order. */
export async function withStages(db: DbOrTx, rows: (typeof pipelines.$inferSelect)[]): Promise<PipelineView[]> {
  if (rows.length === 0) return [];
  const stages = await db
    .select()
    .from(pipelineStages)
    .where(
      inArray(
        pipelineStages.pipelineId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(pipelineStages.position), asc(pipelineStages.createdAt));
  return rows.map((p) => ({
    id: p.id,
    nameTh: p.nameTh,
    nameEn: p.nameEn,
    isDefault: p.isDefault,
    archived: p.archived,
    position: p.position,
    stages: stages.filter((s) => s.pipelineId === p.id).map(toStageView),
  }));
}
