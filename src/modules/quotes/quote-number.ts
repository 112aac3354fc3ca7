import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { quoteCounters } from './schema.ts';

/** How a quote number reads: Q-2026-0001 (four digits at least, more after 9999). */
export function formatQuoteNumber(year: number, n: number): string {
  return `Q-${year}-${String(n).padStart(4, '0')}`;
}

/**
 * The next quote number of a calendar year, taken inside the caller's transaction. The
 * upsert takes the year's counter row lock, so concurrent creates wait for each other and
 * never share a number; a rolled-back create gives its number back (no gaps).
 */
export async function nextQuoteNumber(tx: DbOrTx, year: number): Promise<string> {
  const [row] = await tx
    .insert(quoteCounters)
    .values({ year, lastNumber: 1 })
    .onConflictDoUpdate({ target: quoteCounters.year, set: { lastNumber: sql`${quoteCounters.lastNumber} + 1` } })
    .returning({ n: quoteCounters.lastNumber });
  if (!row) throw new Error('quote counter returned nothing');
  return formatQuoteNumber(year, row.n);
}
