import { api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';

export interface ForecastFigures {
  wonSatang: number;
  wonCount: number;
  committedSatang: number;
  committedCount: number;
  weightedSatang: number;
  openSatang: number;
  openCount: number;
  forecastSatang: number;
  bestCaseSatang: number;
  quotaSatang: number | null;
  quotaDealCount: number | null;
  attainmentPct: number | null;
  forecastAttainmentPct: number | null;
  lastYearWonSatang: number;
  lastYearWonCount: number;
  changeVsLastYearPct: number | null;
}

export interface Forecast extends ForecastFigures {
  period: { label: string; kind: 'month' | 'quarter'; start: string; end: string };
  lastYearPeriod: string;
  currency: string;
  commitThreshold: number;
  owners: (ForecastFigures & { ownerId: string | null; ownerName: string | null })[];
}

export interface PeriodKpis {
  from: string;
  to: string;
  wonCount: number;
  wonSatang: number;
  lostCount: number;
  lostSatang: number;
  closeRatePct: number | null;
  averageWonSatang: number | null;
  cycleDaysMean: number | null;
  cycleDaysMedian: number | null;
  dealsCreated: number;
  revenueSatang: number;
  orders: number;
  lostReasons: { reason: string; count: number; valueSatang: number }[];
  revenueByMonth: { month: string; revenueSatang: number; orders: number }[];
}

export interface StageValue {
  pipelineId: string;
  pipelineNameTh: string;
  pipelineNameEn: string | null;
  stageId: string;
  nameTh: string;
  nameEn: string | null;
  position: number;
  probability: number;
  count: number;
  valueSatang: number;
  weightedSatang: number;
}

export interface SalesKpis {
  currency: string;
  current: PeriodKpis;
  previous: PeriodKpis;
  pipelineByStage: StageValue[];
}

export interface RevenueByMonth {
  year: number;
  currency: string;
  months: { month: number; revenueSatang: number; lastYearSatang: number; orders: number; lastYearOrders: number }[];
}

export interface Quota {
  id: string;
  userId: string | null;
  userName: string | null;
  teamId: string | null;
  teamName: string | null;
  period: string;
  periodKind: 'month' | 'quarter';
  periodStart: string;
  periodEnd: string;
  amountSatang: number;
  dealCount: number | null;
}

export interface QuotaInput {
  userId?: string;
  teamId?: string;
  period: string;
  amountSatang: number;
  dealCount?: number | null;
}

/** Whose figures: nobody chosen means the caller's whole scope. */
export interface Who {
  userId?: string;
  teamId?: string;
}

const v1 = '/api/v1';

export const salesApi = {
  forecast: (period: string, who: Who) => api.get<Forecast>(`${v1}/sales/forecast`, { period, ...who }),
  kpis: (from: string, to: string, who: Who) => api.get<SalesKpis>(`${v1}/sales/kpis`, { from, to, ...who }),
  revenue: (year: number, who: Who) => api.get<RevenueByMonth>(`${v1}/sales/revenue`, { year, ...who }),
  quotas: (period: string) => api.get<Page<Quota>>(`${v1}/quotas`, { period, limit: 200 }),
  createQuota: (input: QuotaInput) => api.post<Quota>(`${v1}/quotas`, input),
  updateQuota: (id: string, input: { amountSatang: number; dealCount?: number | null }) =>
    api.patch<Quota>(`${v1}/quotas/${encodeURIComponent(id)}`, input),
};

export const salesKeys = {
  all: ['sales-dashboard'] as const,
};
