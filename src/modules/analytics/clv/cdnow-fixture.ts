import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Summaries } from './rfm-data.ts';

const DIR = join(import.meta.dirname, '../../../../test/fixtures/cdnow');

/** The CDNOW calibration summary (test/fixtures/cdnow), with repeat-day mean spend. */
export function cdnowSummaries(): Summaries & { m: Float64Array } {
  const lines = readFileSync(join(DIR, 'cdnow_customers_summary_with_transactions.csv'), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim());
  const cols = lines.map((l) => l.split(',').map(Number));
  const column = (i: number) => Float64Array.from(cols, (c) => c[i] as number);
  return { x: column(1), tx: column(2), T: column(3), m: column(4) };
}
