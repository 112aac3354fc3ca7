import { describe, expect, it } from 'vitest';
import { cdnowSummaries } from './clv/cdnow-fixture.ts';
import type { CustomerSummaries } from './customer-summaries.ts';
import { fitModels } from './fit-models.ts';
import { DEFAULT_SCORE_OPTIONS, scoreCustomers } from './score-customers.ts';

function summaries(m: (i: number) => number): CustomerSummaries {
  const c = cdnowSummaries();
  const n = c.x.length;
  const periods = Float64Array.from(c.x, (x) => x + 1);
  return {
    ids: Array.from({ length: n }, (_, i) => String(i)),
    x: c.x,
    tx: c.tx,
    T: c.T,
    m: Float64Array.from(c.x, (x, i) => (x > 0 ? m(i) : 0)),
    periods,
    orders: periods,
    totalSatang: Float64Array.from(periods, (p, i) => p * m(i) * 100),
    ageDays: Float64Array.from(c.T, (t) => Math.round(t * 7)),
    recencyDays: Float64Array.from(c.T, (t, i) => Math.round((t - (c.tx[i] as number)) * 7)),
  };
}

describe('fitting on awkward data', () => {
  it('drops a Gamma-Gamma fit that runs off to infinity (everyone spends the same) and still scores finite CLVs', () => {
    const s = summaries(() => 250);
    const fit = fitModels(s, '1997-09-30');
    expect(fit.gammaGamma).toBeNull();
    expect(fit.warnings.map((w) => w.code)).toContain('gamma_gamma_degenerate');
    const scores = scoreCustomers(s, fit.bgnbd, fit.gammaGamma, { ...DEFAULT_SCORE_OPTIONS, timeUnit: 'week' });
    expect(scores.clvSatang.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
  });

  it('keeps a sound Gamma-Gamma fit', () => {
    const fit = fitModels(
      summaries((i) => 20 + (i % 17) * 7),
      '1997-09-30',
    );
    expect(fit.gammaGamma).not.toBeNull();
  });
});
