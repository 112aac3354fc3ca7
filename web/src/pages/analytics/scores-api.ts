import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../api/client.ts';

export const RFM_SEGMENTS = [
  'champions',
  'loyal',
  'potential_loyalists',
  'new',
  'promising',
  'need_attention',
  'about_to_sleep',
  'at_risk',
  'cant_lose_them',
  'hibernating',
  'lost',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];
export const CHURN_RISKS = ['low', 'medium', 'high'] as const;
export type ChurnRisk = (typeof CHURN_RISKS)[number];
export const VALUE_GRADES = ['A', 'B', 'C'] as const;
export type ValueGrade = (typeof VALUE_GRADES)[number];
type Label = { en: string; th: string };

/** GET /customers/{id}/scores: what the last recompute found (null before a first purchase and a run). */
export interface CustomerScoresView {
  customerId: string;
  scores: {
    runId: string;
    computedAt: string;
    rfm: { r: number; f: number; m: number; segment: RfmSegment; segmentLabel: Label };
    pAlive: number;
    churnRisk: ChurnRisk;
    churnRiskLabel: Label;
    expectedPurchases90d: number;
    clv12mSatang: number;
    valueGrade: ValueGrade;
    valueGradeLabel: Label;
    purchasePeriods: number;
    totalSpendSatang: number;
    firstPurchaseOn: string;
    lastPurchaseOn: string;
  } | null;
}

export function useCustomerScores(customerId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['customer-scores', customerId],
    queryFn: () => apiRequest<CustomerScoresView>('GET', `/api/v1/customers/${customerId}/scores`),
    enabled,
  });
}
