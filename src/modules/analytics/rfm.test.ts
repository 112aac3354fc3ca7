import { describe, expect, it } from 'vitest';
import { quintileScores, RFM_SEGMENT_LABELS, RFM_SEGMENTS, rfmScores, segmentOf } from './rfm.ts';

describe('RFM', () => {
  it('maps every R×F cell to one of the 11 named segments, each reachable', () => {
    const seen = new Set<string>();
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) seen.add(segmentOf(r, f));
    expect([...seen].sort()).toEqual([...RFM_SEGMENTS].sort());
    expect(segmentOf(5, 5)).toBe('champions');
    expect(segmentOf(5, 1)).toBe('new');
    expect(segmentOf(4, 1)).toBe('promising');
    expect(segmentOf(3, 3)).toBe('need_attention');
    expect(segmentOf(3, 4)).toBe('loyal');
    expect(segmentOf(4, 3)).toBe('potential_loyalists');
    expect(segmentOf(3, 1)).toBe('about_to_sleep');
    expect(segmentOf(2, 4)).toBe('at_risk');
    expect(segmentOf(1, 5)).toBe('cant_lose_them');
    expect(segmentOf(2, 1)).toBe('hibernating');
    expect(segmentOf(1, 1)).toBe('lost');
  });

  it('names every segment in Thai and English', () => {
    for (const s of RFM_SEGMENTS) {
      expect(RFM_SEGMENT_LABELS[s].en.length).toBeGreaterThan(0);
      expect(RFM_SEGMENT_LABELS[s].th).toMatch(/[\u0E00-\u0E7F]/);
    }
  });

  it('scores quintiles 1–5, equal values always sharing a score', () => {
    const values = Float64Array.from({ length: 100 }, (_, i) => i);
    const up = quintileScores(values, true);
    expect([up[0], up[19], up[20], up[99]]).toEqual([1, 1, 2, 5]);
    const down = quintileScores(values, false);
    expect([down[0], down[99]]).toEqual([5, 1]);
    // 60 one-time buyers share F = 1; the rest rank above them.
    const f = quintileScores(
      Float64Array.from({ length: 100 }, (_, i) => (i < 60 ? 1 : i < 90 ? 2 : 5)),
      true,
    );
    expect(new Set(f.slice(0, 60))).toEqual(new Set([1]));
    expect(f[60]).toBe(4);
    expect(f[95]).toBe(5);
  });

  it('puts a recent frequent big spender among champions and a long-gone one-timer among the lost', () => {
    const recency = Float64Array.from([1, 400, 10, 20, 30, 200, 300, 50, 60, 70]);
    const periods = Float64Array.from([9, 1, 2, 3, 4, 1, 1, 2, 2, 3]);
    const total = Float64Array.from([90000, 100, 500, 800, 900, 200, 150, 300, 350, 600]);
    const s = rfmScores(recency, periods, total);
    expect(s.segment[0]).toBe('champions');
    expect([s.r[0], s.f[0], s.m[0]]).toEqual([5, 5, 5]);
    expect(s.segment[1]).toBe('lost');
  });
});

describe('quintile cut values', () => {
  it('agree with counting worse customers one by one', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (const n of [1, 2, 3, 7, 10, 101, 1000]) {
      const values = Float64Array.from({ length: n }, () => Math.floor(rand() * 20));
      for (const higher of [true, false]) {
        const got = quintileScores(values, higher);
        values.forEach((v, i) => {
          const worse = values.filter((w) => (higher ? w < v : w > v)).length;
          expect(got[i]).toBe(Math.min(5, 1 + Math.floor((5 * worse) / n)));
        });
      }
    }
  });
});
