import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../api/client.ts';
import type { RfmSegment } from './scores-api.ts';

export const ORDER_SOURCES = ['web', 'pos', 'line', 'manual', 'import', 'api'] as const;
export type OrderSource = (typeof ORDER_SOURCES)[number];

export interface KpiFigures {
  from: string;
  to: string;
  customers: number;
  orders: number;
  revenueSatang: number;
  newCustomers: number;
  newRevenueSatang: number;
  returningRevenueSatang: number;
  repeatPurchaseRate: number | null;
  churnRate: number | null;
  averageOrderValueSatang: number | null;
  purchaseFrequency: number | null;
  revenuePerCustomerSatang: number | null;
  shareOfWallet: number | null;
  walletCustomers: number;
  marketingSpendSatang: number | null;
  cacSatang: number | null;
}
export interface Kpis {
  from: string;
  to: string;
  source: OrderSource | null;
  businessCurrency: string;
  currencies: { currency: string; current: KpiFigures; previous: KpiFigures }[];
}
export interface Cohorts {
  from: string;
  to: string;
  currency: string;
  cohorts: {
    cohort: string;
    customers: number;
    cells: { monthsSince: number; customers: number; retention: number; revenueSatang: number }[];
  }[];
}
export interface ScoreOverview {
  run: {
    id: string;
    calibrationEnd: string;
    timeUnit: string;
    finishedAt: string | null;
    customers: number | null;
    repeatCustomers: number | null;
    params: {
      bgnbd?: { r: number; alpha: number; a: number; b: number; logLikelihood: number };
      gammaGamma?: { p: number; q: number; v: number; logLikelihood: number } | null;
      warnings?: { code: string; en: string; th: string }[];
    };
  } | null;
  scored: number;
  /** The order source the overview was narrowed to (customers who bought through it), or null. */
  source: OrderSource | null;
  segments: { segment: RfmSegment; customers: number; revenueSatang: number; clv12mSatang: number }[];
  grid: { r: number; f: number; customers: number; revenueSatang: number }[];
  clvHistogram: { fromSatang: number; toSatang: number | null; customers: number }[];
  topCustomers: {
    customerId: string;
    displayName: string;
    segment: RfmSegment;
    valueGrade: string;
    clv12mSatang: number;
    pAlive: number;
    totalSpendSatang: number;
    /** 1: bought in one period only, so the CLV is an estimate from similar customers. */
    purchasePeriods: number;
    lastPurchaseOn: string;
  }[];
  pAliveMap: { recency: number; frequency: number; customers: number; meanPAlive: number }[];
  recencyBands: number[];
  frequencyBands: string[];
}
export interface SegmentMovement {
  runId: string | null;
  transitions: { from: RfmSegment | null; to: RfmSegment | null; customers: number; revenueSatang: number }[];
  history: {
    runId: string;
    calibrationEnd: string;
    finishedAt: string | null;
    segments: { segment: RfmSegment; customers: number; revenueSatang: number }[];
  }[];
}
export interface HoldoutCheck {
  calibrationEnd: string;
  holdoutEnd: string;
  holdoutWeeks: number;
  groups: { repeatPurchases: string; customers: number; actualMean: number; predictedMean: number }[];
  actualTotal: number;
  predictedTotal: number;
}
export interface ProductRef {
  productId: string;
  sku: string;
  nameTh: string;
  nameEn: string | null;
}
export interface Recommendations {
  customerId: string;
  basis: 'purchases' | 'best_sellers';
  items: (ProductRef & {
    score: number;
    reason:
      | { kind: 'bought_with'; product: ProductRef; confidence: number; lift: number }
      | { kind: 'best_seller'; customers: number };
  })[];
}

const get =
  <T>(path: string, query?: Record<string, string | undefined>) =>
  () =>
    apiRequest<T>('GET', `/api/v1${path}`, { query });

export function useKpis(from: string, to: string, source?: string) {
  return useQuery({
    queryKey: ['analytics', 'kpis', from, to, source],
    queryFn: get<Kpis>('/analytics/kpis', { from, to, source }),
  });
}
export function useCohorts(from: string, to: string, source?: string) {
  return useQuery({
    queryKey: ['analytics', 'cohorts', from, to, source],
    queryFn: get<Cohorts>('/analytics/cohorts', { from, to, source }),
  });
}
/** The score charts (segments, grid, CLV, top customers, P(alive)), narrowed by segment and order source. */
export function useScoreOverview(segment?: string, source?: string) {
  return useQuery({
    queryKey: ['analytics', 'overview', segment, source],
    queryFn: get<ScoreOverview>('/analytics/scores/overview', { segment, source }),
  });
}
/** Movement and the calibration check cover every customer: only whole-book roles ask. */
export function useSegmentMovement(enabled: boolean) {
  return useQuery({
    queryKey: ['analytics', 'movement'],
    queryFn: get<SegmentMovement>('/analytics/segments/movement'),
    enabled,
  });
}
export function useHoldoutCheck(enabled: boolean) {
  return useQuery({
    queryKey: ['analytics', 'holdout'],
    queryFn: get<HoldoutCheck>('/analytics/clv/holdout'),
    enabled,
    retry: false,
    staleTime: 10 * 60_000,
  });
}
export function useRecommendations(customerId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['customer-recommendations', customerId],
    queryFn: get<Recommendations>(`/customers/${customerId}/recommendations`, { limit: '5' }),
    enabled,
  });
}
