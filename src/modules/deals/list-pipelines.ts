import { z } from '@hono/zod-openapi';
import { asc, eq } from 'drizzle-orm';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { validateInput } from '../customers/index.ts';
import { type PipelineView, withStages } from './pipeline-view.ts';
import { pipelines } from './schema.ts';

export const listPipelinesQuerySchema = z.object({
  archived: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: 'true: archived ones too; default only active.' }),
});

/** Pipelines in board order (the default first among equals), each with its stages. */
export async function listPipelines(
  db: DbOrTx,
  actor: Actor,
  raw: z.input<typeof listPipelinesQuerySchema> = {},
): Promise<PipelineView[]> {
  authorize(actor.principal, 'sales', 'read');
  const input = validateInput(listPipelinesQuerySchema, raw);
  const rows = await db
    .select()
    .from(pipelines)
    .where(input.archived === 'true' ? undefined : eq(pipelines.archived, false))
    .orderBy(asc(pipelines.position), asc(pipelines.createdAt));
  return withStages(db, rows);
}

/** One pipeline with its stages (archived ones too: their deals stay readable). */
export async function getPipeline(db: DbOrTx, actor: Actor, id: string): Promise<PipelineView> {
  authorize(actor.principal, 'sales', 'read');
  const rows = await db.select().from(pipelines).where(eq(pipelines.id, id));
  const [view] = await withStages(db, rows);
  if (!view) throw new AppError('not_found');
  return view;
}
