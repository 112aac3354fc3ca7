/**
 * Per-customer summaries in the CLV literature's terms, as parallel arrays (fast for a
 * million customers): x repeat purchase periods, t_x the time of the last one since the
 * first purchase (recency), T the customer's age at the calibration end, all in one unit.
 */
export interface Summaries {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  /** Optional weights: how many customers each entry stands for (1 each without). */
  w?: Float64Array;
}

/** Counts of each distinct x, so terms that depend on x alone are computed once per value. */
export function frequencyCounts(x: Float64Array, w?: Float64Array): Map<number, number> {
  const counts = new Map<number, number>();
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    counts.set(v, (counts.get(v) ?? 0) + (w ? (w[i] as number) : 1));
  }
  return counts;
}

/**
 * A bucket for (x, t_x, T): the numbers scaled to a 1/4096 grid and mixed. Different
 * triples may share a bucket (the table compares the numbers themselves); whole days in
 * weeks or days never do.
 */
function bucket(x: number, tx: number, T: number): number {
  let h = Math.imul(x | 0, 0x9e3779b1) ^ Math.imul((tx * 4096) | 0, 0x85ebca6b) ^ Math.imul((T * 4096) | 0, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}

/**
 * The distinct (x, t_x, T) of the customers with how many share each, and each customer's
 * entry, by an open-addressing hash on the three numbers (no strings, no objects): a
 * million customers measured in whole days collapse to about a hundred thousand entries.
 */
export function groupSummaries(data: Summaries): Summaries & { w: Float64Array; of: Int32Array } {
  const n = data.x.length;
  let size = 16;
  while (size < n * 2) size *= 2;
  const mask = size - 1;
  const table = new Int32Array(size).fill(-1);
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const w = new Float64Array(n);
  const of = new Int32Array(n);
  const inX = data.x;
  const inTx = data.tx;
  const inT = data.T;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const xi = inX[i] as number;
    const txi = inTx[i] as number;
    const Ti = inT[i] as number;
    const wi = data.w ? (data.w[i] as number) : 1;
    let slot = bucket(xi, txi, Ti) & mask;
    for (;;) {
      const at = table[slot] as number;
      if (at === -1) {
        table[slot] = count;
        x[count] = xi;
        tx[count] = txi;
        T[count] = Ti;
        w[count] = wi;
        of[i] = count;
        count++;
        break;
      }
      if (x[at] === xi && tx[at] === txi && T[at] === Ti) {
        w[at] = (w[at] as number) + wi;
        of[i] = at;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return { x: x.subarray(0, count), tx: tx.subarray(0, count), T: T.subarray(0, count), w: w.subarray(0, count), of };
}

/** Every k-th customer, enough for a first estimate that the full fit then refines. */
export function strideSample<T extends Record<string, Float64Array | undefined>>(data: T, size: number): T {
  const n = (Object.values(data).find((v) => v) as Float64Array).length;
  const step = Math.max(1, Math.floor(n / size));
  const out: Record<string, Float64Array | undefined> = {};
  for (const [k, v] of Object.entries(data)) {
    if (!v) continue;
    const a = new Float64Array(Math.ceil(n / step));
    for (let i = 0, j = 0; i < n; i += step, j++) a[j] = v[i] as number;
    out[k] = a;
  }
  return out as T;
}
