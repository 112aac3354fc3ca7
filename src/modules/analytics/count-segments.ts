import { z } from '@hono/zod-openapi';
import { and, desc, eq, sql } from 'drizzle-orm';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { customers, visibleCustomer } from '../customers/index.ts';
import { RFM_SEGMENT_LABELS, RFM_SEGMENTS } from './rfm.ts';
import { customerScores, scoreRuns } from './schema.ts';
import { VALUE_GRADES } from './score-customers.ts';
import { VALUE_GRADE_LABELS } from './scores-view.ts';

const group = z.object({
  count: z.number().int(),
  revenueSatang: z.number().int().openapi({ description: 'Net spend up to the calibration end' }),
  clv12mSatang: z.number().int(),
  label: z.object({ en: z.string(), th: z.string() }),
});

export const segmentCountsSchema = z
  .object({
    runId: z.string().uuid().nullable(),
    computedAt: z.string().nullable(),
    calibrationEnd: z.string().nullable(),
    total: z.number().int(),
    segments: z.array(group.extend({ segment: z.enum(RFM_SEGMENTS) })),
    grades: z.array(group.extend({ grade: z.enum(VALUE_GRADES) })),
  })
  .openapi('SegmentCounts');
export type SegmentCounts = z.infer<typeof segmentCountsSchema>;

/** Counts, revenue and CLV per RFM segment and per value grade, within the customers the caller may see. */
export async function countSegments(db: DbOrTx, actor: Actor): Promise<SegmentCounts> {
  authorize(actor.principal, 'analytics', 'read');
  const rows = await db
    .select({
      segment: customerScores.rfmSegment,
      grade: customerScores.valueGrade,
      n: sql<number>`count(*)::int`,
      revenue: sql<number>`coalesce(sum(${customerScores.totalSpendSatang}), 0)::bigint`,
      clv: sql<number>`coalesce(sum(${customerScores.clv12mSatang}), 0)::bigint`,
    })
    .from(customerScores)
    .innerJoin(customers, eq(customers.id, customerScores.customerId))
    .where(visibleCustomer(actor, and(eq(customers.status, 'active'))))
    .groupBy(customerScores.rfmSegment, customerScores.valueGrade);
  const sum = (pick: (r: (typeof rows)[number]) => boolean) => {
    const match = rows.filter(pick);
    return {
      count: match.reduce((s, r) => s + Number(r.n), 0),
      revenueSatang: match.reduce((s, r) => s + Number(r.revenue), 0),
      clv12mSatang: match.reduce((s, r) => s + Number(r.clv), 0),
    };
  };
  const [run] = await db
    .select()
    .from(scoreRuns)
    .where(eq(scoreRuns.status, 'succeeded'))
    .orderBy(desc(scoreRuns.finishedAt))
    .limit(1);
  return {
    runId: run?.id ?? null,
    computedAt: run?.finishedAt?.toISOString() ?? null,
    calibrationEnd: run?.calibrationEnd ?? null,
    total: sum(() => true).count,
    segments: RFM_SEGMENTS.map((segment) => ({
      segment,
      ...sum((r) => r.segment === segment),
      label: RFM_SEGMENT_LABELS[segment],
    })),
    grades: VALUE_GRADES.map((grade) => ({
      grade,
      ...sum((r) => r.grade === grade),
      label: VALUE_GRADE_LABELS[grade],
    })),
  };
}
