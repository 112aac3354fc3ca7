import { describe, expect, it } from 'vitest';
import { decayFactor, ruleScore, type ScoringRule } from './lead-score.ts';
import { auc, fitLogistic, predict } from './logistic-regression.ts';

/** mulberry32: a small seeded generator, so the synthetic data is the same every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function normal(r: () => number) {
  return Math.sqrt(-2 * Math.log(r() || 1e-12)) * Math.cos(2 * Math.PI * r());
}

describe('logistic regression', () => {
  it('recovers known coefficients from synthetic data (n = 6000)', () => {
    const r = rng(42);
    const truth = [-0.5, 1.5, -1.0, 0.8];
    const xs: number[][] = [];
    const ys: number[] = [];
    for (let i = 0; i < 6000; i++) {
      const x = [normal(r), normal(r), r() < 0.4 ? 1 : 0];
      xs.push(x);
      ys.push(r() < predict(truth, x) ? 1 : 0);
    }
    const fit = fitLogistic(xs, ys, { lambda: 0.01 });
    expect(fit.converged).toBe(true);
    fit.coefficients.forEach((c, j) => {
      expect(Math.abs(c - (truth[j] ?? 0))).toBeLessThan(0.15);
    });
    const a = auc(
      xs.map((x) => predict(fit.coefficients, x)),
      ys,
    );
    expect(a).toBeGreaterThan(0.75);
  });

  it('stays finite on perfectly separable data thanks to the L2 penalty', () => {
    const xs = [[-2], [-1], [1], [2]];
    const fit = fitLogistic(xs, [0, 0, 1, 1], { lambda: 1 });
    expect(fit.converged).toBe(true);
    expect(Number.isFinite(fit.coefficients[1])).toBe(true);
    expect(fit.coefficients[1]).toBeGreaterThan(0);
  });

  it('AUC: 1 for a perfect ranking, 0.5 for ties, null with one class', () => {
    expect(auc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(auc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBe(0.5);
    expect(auc([0.1, 0.2], [1, 1])).toBeNull();
  });
});

describe('rule score', () => {
  const now = new Date('2026-12-01T00:00:00Z');
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
  const rules: ScoringRule[] = [
    {
      id: 'f1',
      name: 'Bangkok',
      kind: 'fit',
      field: 'province',
      operator: 'equals',
      values: ['กรุงเทพมหานคร'],
      eventKind: null,
      points: 20,
      halfLifeDays: null,
      maxEvents: 10,
    },
    {
      id: 'f2',
      name: 'Company email',
      kind: 'fit',
      field: 'emailDomain',
      operator: 'equals',
      values: ['gmail.com'],
      eventKind: null,
      points: -10,
      halfLifeDays: null,
      maxEvents: 10,
    },
    {
      id: 'b1',
      name: 'Email click',
      kind: 'behaviour',
      field: null,
      operator: null,
      values: [],
      eventKind: 'email_click',
      points: 10,
      halfLifeDays: 7,
      maxEvents: 3,
    },
  ];
  const lead = {
    source: 'form',
    province: 'กรุงเทพมหานคร',
    company: null,
    jobTitle: null,
    email: 'a@gmail.com',
    phone: null,
    lineId: null,
  };

  it('halves an event every half-life', () => {
    expect(decayFactor(daysAgo(7), now, 7)).toBeCloseTo(0.5, 10);
    expect(decayFactor(daysAgo(14), now, 7)).toBeCloseTo(0.25, 10);
    expect(decayFactor(daysAgo(100), now, null)).toBe(1);
  });

  it('adds fit and decayed behaviour points, caps events, clamps to 0–100, and gives reasons', () => {
    const events = [0, 7, 14, 21].map((d) => ({ kind: 'email_click', occurredAt: daysAgo(d) }));
    const s = ruleScore(rules, lead, events, now);
    // 20 − 10 + 10 × (1 + ½ + ¼) = 27.5 → 28; the fourth click is beyond maxEvents.
    expect(s.score).toBe(28);
    expect(s.reasons).toEqual([
      { ruleId: 'f1', name: 'Bangkok', kind: 'fit', points: 20, decayedPoints: 20 },
      { ruleId: 'b1', name: 'Email click', kind: 'behaviour', points: 10, decayedPoints: 17.5, events: 3 },
      { ruleId: 'f2', name: 'Company email', kind: 'fit', points: -10, decayedPoints: -10 },
    ]);
    expect(ruleScore(rules.slice(1, 2), lead, [], now).score).toBe(0);
    const many = Array.from({ length: 20 }, () => ({ ...rules[0], id: Math.random().toString() }) as ScoringRule);
    expect(ruleScore(many, lead, [], now).score).toBe(100);
  });
});
