/**
 * Per-customer summaries in the CLV literature's terms, as parallel arrays (fast for a
 * million customers): x repeat purchase periods, t_x the time of the last one since the
 * first purchase (recency), T the customer's age at the calibration end, all in one unit.
 */
export interface Summaries {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
}

/** Counts of each distinct x, so terms that depend on x alone are computed once per value. */
export function frequencyCounts(x: Float64Array): Map<number, number> {
  const counts = new Map<number, number>();
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return counts;
}
