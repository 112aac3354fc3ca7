import { z } from '@hono/zod-openapi';
import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { authorizeWholeBook } from './fit-clv.ts';
import { RFM_SEGMENT_LABELS, RFM_SEGMENTS, type RfmSegment } from './rfm.ts';
import { scoreRunSegments, scoreRuns, scoreRunTransitions } from './schema.ts';

/** How many earlier runs' segment sizes come back for the "sizes over runs" chart. */
export const SIZE_HISTORY_RUNS = 12;

const label = z.object({ en: z.string(), th: z.string() });
const segmentOrNone = z.enum(RFM_SEGMENTS).nullable().openapi({ description: 'null: not scored' });

export const movementQuerySchema = z.object({
  runId: z
    .string()
    .uuid()
    .optional()
    .openapi({ param: { name: 'runId', in: 'query' }, description: 'A succeeded run; default the latest' }),
});

export const segmentMovementSchema = z
  .object({
    runId: z.string().uuid().nullable(),
    calibrationEnd: z.string().nullable(),
    finishedAt: z.string().nullable(),
    transitions: z.array(
      z.object({
        from: segmentOrNone,
        to: segmentOrNone,
        customers: z.number().int(),
        revenueSatang: z.number().int(),
      }),
    ),
    history: z.array(
      z.object({
        runId: z.string().uuid(),
        calibrationEnd: z.string(),
        finishedAt: z.string().nullable(),
        segments: z.array(
          z.object({
            segment: z.enum(RFM_SEGMENTS),
            customers: z.number().int(),
            revenueSatang: z.number().int(),
            clv12mSatang: z.number().int(),
          }),
        ),
      }),
    ),
    labels: z.record(z.string(), label),
  })
  .openapi('SegmentMovement');
export type SegmentMovement = z.infer<typeof segmentMovementSchema>;

const segmentOrNull = (s: string): RfmSegment | null => (s === '' ? null : (s as RfmSegment));

/**
 * The movement between RFM segments recorded at a succeeded run (default the latest), and
 * the segment sizes of that run and up to 11 earlier ones, oldest first. Whole-book figures:
 * needs analytics read over all customers.
 */
export async function getSegmentMovement(db: DbOrTx, actor: Actor, runId?: string): Promise<SegmentMovement> {
  authorizeWholeBook(actor, 'read');
  const succeeded = eq(scoreRuns.status, 'succeeded');
  const [run] = runId
    ? await db
        .select()
        .from(scoreRuns)
        .where(and(succeeded, eq(scoreRuns.id, runId)))
    : await db.select().from(scoreRuns).where(succeeded).orderBy(desc(scoreRuns.finishedAt)).limit(1);
  if (runId && !run) throw new AppError('not_found');
  const labels = RFM_SEGMENT_LABELS;
  if (!run) return { runId: null, calibrationEnd: null, finishedAt: null, transitions: [], history: [], labels };
  const transitions = await db.select().from(scoreRunTransitions).where(eq(scoreRunTransitions.runId, run.id));
  const finished = run.finishedAt ?? new Date();
  const runs = await db
    .select()
    .from(scoreRuns)
    .where(and(succeeded, lt(scoreRuns.finishedAt, new Date(finished.getTime() + 1))))
    .orderBy(desc(scoreRuns.finishedAt))
    .limit(SIZE_HISTORY_RUNS);
  runs.reverse();
  const sizes = runs.length
    ? await db
        .select()
        .from(scoreRunSegments)
        .where(
          inArray(
            scoreRunSegments.runId,
            runs.map((r) => r.id),
          ),
        )
    : [];
  return {
    runId: run.id,
    calibrationEnd: run.calibrationEnd,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    transitions: transitions
      .map((t) => ({
        from: segmentOrNull(t.fromSegment),
        to: segmentOrNull(t.toSegment),
        customers: t.customers,
        revenueSatang: Number(t.revenueSatang),
      }))
      .sort((a, b) => b.customers - a.customers),
    history: runs.map((r) => ({
      runId: r.id,
      calibrationEnd: r.calibrationEnd,
      finishedAt: r.finishedAt?.toISOString() ?? null,
      segments: RFM_SEGMENTS.map((segment) => {
        const row = sizes.find((s) => s.runId === r.id && s.segment === segment);
        return {
          segment,
          customers: row?.customers ?? 0,
          revenueSatang: Number(row?.revenueSatang ?? 0),
          clv12mSatang: Number(row?.clv12mSatang ?? 0),
        };
      }),
    })),
    labels,
  };
}
