import { z } from '@hono/zod-openapi';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { decodeCursor, encodeCursor, type Page } from '../../core/http/pagination.ts';
import { validateInput } from '../customers/index.ts';
import { visibleDeal } from './deal-access.ts';
import { type DealCard, dealCardSchema, selectCards, toCard } from './deal-card.ts';
import { getPipeline } from './list-pipelines.ts';
import { pipelineViewSchema, stageViewSchema } from './pipeline-view.ts';
import { deals, pipelineStages } from './schema.ts';

export const boardQuerySchema = z.object({
  perStage: z.coerce.number().int().min(1).max(100).default(20).openapi({ description: 'Cards per stage.' }),
  ownerId: z.string().uuid().optional(),
});
export const stageCardsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
  ownerId: z.string().uuid().optional(),
});

const totalSchema = z.object({
  currency: z.string(),
  count: z.number().int(),
  valueSatang: z.number().int(),
  weightedSatang: z.number().int(),
});

export const boardColumnSchema = z.object({
  stage: stageViewSchema,
  count: z.number().int().openapi({ description: 'Open deals on this stage the caller sees.' }),
  totals: z.array(totalSchema).openapi({ description: 'Value and weighted value per currency.' }),
  deals: z.array(dealCardSchema),
  nextCursor: z.string().nullable().openapi({ description: 'For GET /pipelines/{id}/board/stages/{stageId}.' }),
});
export const boardSchema = z
  .object({ pipeline: pipelineViewSchema, columns: z.array(boardColumnSchema) })
  .openapi('PipelineBoard');
export type Board = z.infer<typeof boardSchema>;

function openOn(db: DbOrTx, actor: Actor, stageId: string, ownerId: string | undefined, ...more: SQL[]) {
  return visibleDeal(
    db,
    actor,
    eq(deals.stageId, stageId),
    eq(deals.status, 'open'),
    ownerId ? eq(deals.ownerId, ownerId) : undefined,
    ...more,
  );
}

async function stageCards(
  db: DbOrTx,
  actor: Actor,
  stageId: string,
  limit: number,
  ownerId: string | undefined,
  cursor?: string,
): Promise<Page<DealCard>> {
  const after = decodeCursor(cursor, 2);
  const rows = await selectCards(db)
    .where(
      openOn(
        db,
        actor,
        stageId,
        ownerId,
        ...(after
          ? [sql`(${deals.rank}, ${deals.id}) > (${Number(after[0])}::float8, ${String(after[1])}::uuid)`]
          : []),
      ),
    )
    .orderBy(asc(deals.rank), asc(deals.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toCard),
    nextCursor: rows.length > limit && last ? encodeCursor([last.rank, last.id]) : null,
  };
}

/**
 * A pipeline's board: each stage with the count, value and weighted value of the open
 * deals the caller sees, and its first cards in board order with a cursor for more.
 */
export async function pipelineBoard(
  db: DbOrTx,
  actor: Actor,
  pipelineId: string,
  raw: z.input<typeof boardQuerySchema> = {},
): Promise<Board> {
  authorize(actor.principal, 'sales', 'read');
  const input = validateInput(boardQuerySchema, raw);
  const pipeline = await getPipeline(db, actor, pipelineId);
  const sums = await db
    .select({
      stageId: deals.stageId,
      currency: deals.currency,
      count: sql<number>`count(*)::int`,
      value: sql<string>`coalesce(sum(${deals.valueSatang}), 0)::text`,
      weighted: sql<string>`coalesce(sum(round(${deals.valueSatang} * ${pipelineStages.probability} / 100.0)), 0)::text`,
    })
    .from(deals)
    .innerJoin(pipelineStages, eq(pipelineStages.id, deals.stageId))
    .where(
      visibleDeal(
        db,
        actor,
        eq(deals.pipelineId, pipelineId),
        eq(deals.status, 'open'),
        input.ownerId ? eq(deals.ownerId, input.ownerId) : undefined,
      ),
    )
    .groupBy(deals.stageId, deals.currency);
  const columns = [];
  for (const stage of pipeline.stages) {
    const totals = sums
      .filter((s) => s.stageId === stage.id)
      .map((s) => ({
        currency: s.currency,
        count: Number(s.count),
        valueSatang: Number(s.value),
        weightedSatang: Number(s.weighted),
      }));
    const count = totals.reduce((n, t) => n + t.count, 0);
    const page =
      count > 0
        ? await stageCards(db, actor, stage.id, input.perStage, input.ownerId)
        : { items: [], nextCursor: null };
    columns.push({ stage, count, totals, deals: page.items, nextCursor: page.nextCursor });
  }
  return { pipeline, columns };
}

/** More cards of one board column, after the cursor the board (or the previous page) gave. */
export async function boardStageCards(
  db: DbOrTx,
  actor: Actor,
  pipelineId: string,
  stageId: string,
  raw: z.input<typeof stageCardsQuerySchema>,
): Promise<Page<DealCard>> {
  authorize(actor.principal, 'sales', 'read');
  const input = validateInput(stageCardsQuerySchema, raw);
  const [stage] = await db
    .select({ id: pipelineStages.id })
    .from(pipelineStages)
    .where(and(eq(pipelineStages.id, stageId), eq(pipelineStages.pipelineId, pipelineId)));
  if (!stage) throw new AppError('not_found');
  return stageCards(db, actor, stageId, input.limit, input.ownerId, input.cursor);
}
