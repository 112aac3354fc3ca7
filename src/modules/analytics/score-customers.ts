import { type BgNbdParams, expectedPurchases, probabilityAlive } from './clv/bgnbd.ts';
import { expectedSpend, type GammaGammaParams } from './clv/gamma-gamma.ts';
import { discountedPurchases } from './clv/lifetime-value.ts';
import { DAYS_PER_UNIT, type TimeUnit } from './customer-summaries.ts';

export const CHURN_RISKS = ['low', 'medium', 'high'] as const;
export type ChurnRisk = (typeof CHURN_RISKS)[number];
export const VALUE_GRADES = ['A', 'B', 'C'] as const;
export type ValueGrade = (typeof VALUE_GRADES)[number];

export interface ScoreOptions {
  timeUnit: TimeUnit;
  /** Default 0.01 (1% a month). */
  monthlyDiscountRate: number;
  /** Default 12. */
  horizonMonths: number;
  /** Share of customers graded A by CLV (default 0.2) and B (default 0.3); the rest are C. */
  gradeShares: { a: number; b: number };
}

export const DEFAULT_SCORE_OPTIONS: Omit<ScoreOptions, 'timeUnit'> = {
  monthlyDiscountRate: 0.01,
  horizonMonths: 12,
  gradeShares: { a: 0.2, b: 0.3 },
};

/** P(alive) bands for repeat customers; one-time buyers are banded by days since their purchase. */
export const CHURN_BANDS = { lowFromPAlive: 0.7, mediumFromPAlive: 0.3, oneTimeLowDays: 90, oneTimeMediumDays: 180 };

const DAYS_PER_MONTH = 30.4375;

export interface ScoreInput {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  /** Mean repeat spend in baht. */
  m: Float64Array;
  periods: Float64Array;
  totalSatang: Float64Array;
  ageDays: Float64Array;
  recencyDays: Float64Array;
}

export interface ModelScores {
  pAlive: Float64Array;
  expected90d: Float64Array;
  clvSatang: Float64Array;
  churn: ChurnRisk[];
  grade: ValueGrade[];
}

export function churnRiskOf(x: number, pAlive: number, recencyDays: number): ChurnRisk {
  if (x === 0) {
    if (recencyDays < CHURN_BANDS.oneTimeLowDays) return 'low';
    return recencyDays < CHURN_BANDS.oneTimeMediumDays ? 'medium' : 'high';
  }
  if (pAlive >= CHURN_BANDS.lowFromPAlive) return 'low';
  return pAlive >= CHURN_BANDS.mediumFromPAlive ? 'medium' : 'high';
}

/**
 * P(alive), expected purchases in the next 90 days and the discounted CLV of every
 * customer. The model terms depend only on (x, t_x, T), so they are computed once per
 * distinct triple (customers measured in whole days share them widely). Spend is the
 * Gamma-Gamma expectation, or the customer's own mean per period when that model is absent.
 */
export function scoreCustomers(
  s: ScoreInput,
  bg: BgNbdParams,
  gg: GammaGammaParams | null,
  options: ScoreOptions,
  onProgress?: (share: number) => void,
): ModelScores {
  const n = s.x.length;
  const unitDays = DAYS_PER_UNIT[options.timeUnit];
  const clvOptions = {
    horizonMonths: options.horizonMonths,
    monthlyDiscountRate: options.monthlyDiscountRate,
    unitsPerMonth: DAYS_PER_MONTH / unitDays,
  };
  const t90 = 90 / unitDays;
  const useGg = gg !== null && gg.q > 1;
  const pAlive = new Float64Array(n);
  const expected90d = new Float64Array(n);
  const clvSatang = new Float64Array(n);
  const churn = new Array<ChurnRisk>(n);
  const cache = new Map<number, number>();
  const terms: number[] = [];
  const step = Math.max(1, Math.floor(n / 20));
  for (let i = 0; i < n; i++) {
    const x = s.x[i] as number;
    const tx = s.tx[i] as number;
    const T = s.T[i] as number;
    // Whole days: (x, age − recency, age) names the triple exactly.
    const key =
      x * 2 ** 34 + ((s.ageDays[i] as number) - (s.recencyDays[i] as number)) * 2 ** 17 + (s.ageDays[i] as number);
    let at = cache.get(key);
    if (at === undefined) {
      at = terms.length;
      terms.push(
        probabilityAlive(bg, x, tx, T),
        expectedPurchases(bg, t90, x, tx, T),
        discountedPurchases(bg, { x, tx, T }, clvOptions),
      );
      cache.set(key, at);
    }
    const pa = terms[at] as number;
    pAlive[i] = pa;
    expected90d[i] = terms[at + 1] as number;
    const spend =
      useGg && gg
        ? expectedSpend(gg, x, s.m[i] as number)
        : (s.totalSatang[i] as number) / 100 / (s.periods[i] as number);
    clvSatang[i] = Math.round(spend * (terms[at + 2] as number) * 100);
    churn[i] = churnRiskOf(x, pa, s.recencyDays[i] as number);
    if (onProgress && i % step === 0) onProgress(i / n);
  }
  return { pAlive, expected90d, clvSatang, churn, grade: gradesByValue(clvSatang, options.gradeShares) };
}

/** A for the top share by CLV, B for the next, C for the rest (ties broken by position). */
export function gradesByValue(values: Float64Array, shares: { a: number; b: number }): ValueGrade[] {
  const n = values.length;
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort(
    (i, j) => (values[j] as number) - (values[i] as number) || i - j,
  );
  const aCount = Math.round(n * shares.a);
  const bCount = Math.round(n * (shares.a + shares.b));
  const grade = new Array<ValueGrade>(n);
  for (let k = 0; k < n; k++) grade[order[k] as number] = k < aCount ? 'A' : k < bCount ? 'B' : 'C';
  return grade;
}
