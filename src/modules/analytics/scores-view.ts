import { z } from '@hono/zod-openapi';
import { RFM_SEGMENT_LABELS, RFM_SEGMENTS, type RfmSegment } from './rfm.ts';
import type { customerScores } from './schema.ts';
import { CHURN_RISKS, VALUE_GRADES } from './score-customers.ts';

const label = z.object({ en: z.string(), th: z.string() });

export const CHURN_RISK_LABELS = {
  low: { en: 'Low', th: 'ต่ำ' },
  medium: { en: 'Medium', th: 'ปานกลาง' },
  high: { en: 'High', th: 'สูง' },
} as const;

export const VALUE_GRADE_LABELS = {
  A: { en: 'A — top value', th: 'A — มูลค่าสูงสุด' },
  B: { en: 'B — middle value', th: 'B — มูลค่าปานกลาง' },
  C: { en: 'C — the rest', th: 'C — กลุ่มที่เหลือ' },
} as const;

export const customerScoresSchema = z
  .object({
    runId: z.string().uuid(),
    computedAt: z.string(),
    rfm: z.object({
      r: z.number().int(),
      f: z.number().int(),
      m: z.number().int(),
      segment: z.enum(RFM_SEGMENTS),
      segmentLabel: label,
    }),
    pAlive: z.number().openapi({ description: 'Probability (0–1) the customer has not stopped buying' }),
    churnRisk: z.enum(CHURN_RISKS),
    churnRiskLabel: label,
    expectedPurchases90d: z.number(),
    clv12mSatang: z
      .number()
      .int()
      .openapi({ description: 'Predicted value of the next 12 months, discounted, in satang' }),
    valueGrade: z.enum(VALUE_GRADES),
    valueGradeLabel: label,
    purchasePeriods: z.number().int(),
    totalSpendSatang: z.number().int(),
    firstPurchaseOn: z.string(),
    lastPurchaseOn: z.string(),
  })
  .openapi('CustomerScores');

export const customerScoresViewSchema = z
  .object({
    customerId: z.string().uuid(),
    scores: customerScoresSchema
      .nullable()
      .openapi({ description: 'Null until the customer has bought and a recompute ran' }),
  })
  .openapi('CustomerScoresView');
export type CustomerScoresView = z.infer<typeof customerScoresViewSchema>;

export function toScores(row: typeof customerScores.$inferSelect): NonNullable<CustomerScoresView['scores']> {
  const segment = row.rfmSegment as RfmSegment;
  const risk = row.churnRisk as keyof typeof CHURN_RISK_LABELS;
  const grade = row.valueGrade as keyof typeof VALUE_GRADE_LABELS;
  return {
    runId: row.runId,
    computedAt: row.computedAt.toISOString(),
    rfm: { r: row.rfmR, f: row.rfmF, m: row.rfmM, segment, segmentLabel: RFM_SEGMENT_LABELS[segment] },
    pAlive: row.pAlive,
    churnRisk: risk,
    churnRiskLabel: CHURN_RISK_LABELS[risk],
    expectedPurchases90d: row.expectedPurchases90d,
    clv12mSatang: row.clv12mSatang,
    valueGrade: grade,
    valueGradeLabel: VALUE_GRADE_LABELS[grade],
    purchasePeriods: row.purchasePeriods,
    totalSpendSatang: row.totalSpendSatang,
    firstPurchaseOn: row.firstPurchaseOn,
    lastPurchaseOn: row.lastPurchaseOn,
  };
}
