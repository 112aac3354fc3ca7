/** The latency loop of the read benchmarks: warm-ups, then sequential timed requests. */

export interface Latency {
  p50: number;
  p95: number;
  max: number;
}

/** The p-th percentile (nearest rank) of ascending values. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/**
 * Runs `request` `warmups` times untimed, then `requests` times one after another, timing each.
 * Returns the percentiles in milliseconds and the last answer (to report what was read).
 */
export async function measure<T>(
  requests: number,
  request: () => Promise<T>,
  warmups = 5,
): Promise<Latency & { last: T | undefined }> {
  for (let i = 0; i < warmups; i++) await request();
  const times: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < requests; i++) {
    const t0 = performance.now();
    last = await request();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1] ?? 0, last };
}

/** A markdown table row: label cells, then p50 / p95 / max in whole milliseconds. */
export function latencyRow(labels: (string | number)[], l: Latency): string {
  return `| ${labels.join(' | ')} | ${l.p50.toFixed(0)} ms | ${l.p95.toFixed(0)} ms | ${l.max.toFixed(0)} ms |`;
}
