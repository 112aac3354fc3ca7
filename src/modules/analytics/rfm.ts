/**
 * RFM: recency, frequency and monetary value scored 1–5 by quintile, and the named
 * segments of the widely published R×F map (the "seg_map" of RFM tutorials), with Lost
 * split off as its lowest cell.
 */

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

export const RFM_SEGMENT_LABELS: Record<RfmSegment, { en: string; th: string }> = {
  champions: { en: 'Champions', th: 'ลูกค้าชั้นยอด' },
  loyal: { en: 'Loyal', th: 'ลูกค้าภักดี' },
  potential_loyalists: { en: 'Potential loyalists', th: 'ว่าที่ลูกค้าภักดี' },
  new: { en: 'New', th: 'ลูกค้าใหม่' },
  promising: { en: 'Promising', th: 'ลูกค้ามีแวว' },
  need_attention: { en: 'Need attention', th: 'ต้องดูแลเป็นพิเศษ' },
  about_to_sleep: { en: 'About to sleep', th: 'กำลังจะห่างหาย' },
  at_risk: { en: 'At risk', th: 'เสี่ยงจะเลิกซื้อ' },
  cant_lose_them: { en: "Can't lose them", th: 'ห้ามเสียไป' },
  hibernating: { en: 'Hibernating', th: 'จำศีล' },
  lost: { en: 'Lost', th: 'ลูกค้าที่เสียไปแล้ว' },
};

/**
 * The R×F map (R rows 1–5, F columns 1–5):
 *   R 1–2: F 1–2 hibernating (11 lost), F 3–4 at risk, F 5 can't lose them
 *   R 3:   F 1–2 about to sleep, F 3 need attention, F 4–5 loyal
 *   R 4:   F 1 promising, F 2–3 potential loyalists, F 4–5 loyal
 *   R 5:   F 1 new, F 2–3 potential loyalists, F 4–5 champions
 */
export function segmentOf(r: number, f: number): RfmSegment {
  if (r <= 2) {
    if (f <= 2) return r === 1 && f === 1 ? 'lost' : 'hibernating';
    return f === 5 ? 'cant_lose_them' : 'at_risk';
  }
  if (r === 3) {
    if (f <= 2) return 'about_to_sleep';
    return f === 3 ? 'need_attention' : 'loyal';
  }
  if (f >= 4) return r === 5 ? 'champions' : 'loyal';
  if (f === 1) return r === 5 ? 'new' : 'promising';
  return 'potential_loyalists';
}

/**
 * Quintile scores: 1 + ⌊5 × (share of customers with a strictly worse value)⌋, so equal
 * values always share a score (most one-time buyers get F = 1 together). Higher is better;
 * for recency (days since the last purchase) fewer days is better.
 */
export function quintileScores(values: Float64Array, higherIsBetter: boolean): Uint8Array {
  const n = values.length;
  const scores = new Uint8Array(n);
  if (n === 0) return scores;
  const sorted = values.slice().sort();
  // Score ≥ k + 1 exactly when at least ⌈k·n/5⌉ customers are worse: four cut values.
  const cuts = [1, 2, 3, 4].map((k) => {
    const need = Math.ceil((k * n) / 5);
    return sorted[higherIsBetter ? need - 1 : n - need] as number;
  });
  const [c1, c2, c3, c4] = cuts as [number, number, number, number];
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    scores[i] = higherIsBetter
      ? 1 + +(v > c1) + +(v > c2) + +(v > c3) + +(v > c4)
      : 1 + +(v < c1) + +(v < c2) + +(v < c3) + +(v < c4);
  }
  return scores;
}

export interface RfmScores {
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  segment: RfmSegment[];
}

/** R from days since the last purchase, F from purchase periods, M from net total spend. */
export function rfmScores(recencyDays: Float64Array, periods: Float64Array, totalSatang: Float64Array): RfmScores {
  const r = quintileScores(recencyDays, false);
  const f = quintileScores(periods, true);
  const m = quintileScores(totalSatang, true);
  const segment = Array.from(r, (ri, i) => segmentOf(ri, f[i] as number));
  return { r, f, m, segment };
}
