import { type BgNbdParams, expectedPurchasesIfAlive, probabilityAlive } from './clv/bgnbd.ts';
import { expectedSpend, type GammaGammaParams } from './clv/gamma-gamma.ts';
import { discountedPurchasesIfAlive } from './clv/lifetime-value.ts';
import { groupSummaries } from './clv/rfm-data.ts';
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
): ModelScores {
  const n = s.x.length;
  const unitDays = DAYS_PER_UNIT[options.timeUnit];
  const clvOptions = {
    horizonMonths: options.horizonMonths,
    monthlyDiscountRate: options.monthlyDiscountRate,
    unitsPerMonth: DAYS_PER_MONTH / unitDays,
  };
  const t90 = 90 / unitDays;
  // P(alive) per distinct (x, t_x, T); the purchases of a customer still alive per distinct (x, T).
  const groups = groupSummaries(s);
  const pairs = groupSummaries({ x: groups.x, tx: new Float64Array(groups.x.length), T: groups.T });
  const pair90 = new Float64Array(pairs.x.length);
  const pairDiscounted = new Float64Array(pairs.x.length);
  for (let j = 0; j < pairs.x.length; j++) {
    const x = pairs.x[j] as number;
    const T = pairs.T[j] as number;
    pair90[j] = expectedPurchasesIfAlive(bg, t90, x, T);
    pairDiscounted[j] = discountedPurchasesIfAlive(bg, { x, T }, clvOptions);
  }
  const k = groups.x.length;
  const gAlive = new Float64Array(k);
  const g90 = new Float64Array(k);
  const gDiscounted = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const pa = probabilityAlive(bg, groups.x[j] as number, groups.tx[j] as number, groups.T[j] as number);
    const pair = pairs.of[j] as number;
    gAlive[j] = pa;
    g90[j] = pa * (pair90[pair] as number);
    gDiscounted[j] = pa * (pairDiscounted[pair] as number);
  }
  const useGg = gg !== null && gg.q > 1;
  const pAlive = new Float64Array(n);
  const expected90d = new Float64Array(n);
  const clvSatang = new Float64Array(n);
  const churn = new Array<ChurnRisk>(n);
  const of = groups.of;
  for (let i = 0; i < n; i++) {
    const j = of[i] as number;
    const x = s.x[i] as number;
    const pa = gAlive[j] as number;
    pAlive[i] = pa;
    expected90d[i] = g90[j] as number;
    const spend =
      useGg && gg
        ? expectedSpend(gg, x, s.m[i] as number)
        : (s.totalSatang[i] as number) / 100 / (s.periods[i] as number);
    const value = Math.round(spend * (gDiscounted[j] as number) * 100);
    // A CLV is a bigint in satang: never NaN or infinite, whatever the data.
    clvSatang[i] = Number.isFinite(value) ? Math.min(value, Number.MAX_SAFE_INTEGER) : 0;
    churn[i] = churnRiskOf(x, pa, s.recencyDays[i] as number);
  }
  return { pAlive, expected90d, clvSatang, churn, grade: gradesByValue(clvSatang, options.gradeShares) };
}

/**
 * A for the top share by CLV, B for the next, C for the rest. Cut values come from one
 * numeric sort; customers equal to a cut value fill the remaining places in list order.
 */
export function gradesByValue(values: Float64Array, shares: { a: number; b: number }): ValueGrade[] {
  const n = values.length;
  const grade = new Array<ValueGrade>(n).fill('C');
  if (n === 0) return grade;
  const sorted = Float64Array.from(values).sort().reverse();
  const aCount = Math.round(n * shares.a);
  const bCount = Math.round(n * (shares.a + shares.b)) - aCount;
  const place = (count: number, letter: ValueGrade, taken: number) => {
    if (count <= 0) return;
    const cut = sorted[taken + count - 1] as number;
    let above = 0;
    for (let i = taken; i < n && (sorted[i] as number) > cut; i++) above++;
    let ties = count - above;
    for (let i = 0; i < n; i++) {
      if (grade[i] !== 'C') continue;
      const v = values[i] as number;
      if (v > cut) grade[i] = letter;
      else if (v === cut && ties > 0) {
        grade[i] = letter;
        ties--;
      }
    }
  };
  place(aCount, 'A', 0);
  place(bCount, 'B', aCount);
  return grade;
}
