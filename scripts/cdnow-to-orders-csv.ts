/**
 * Converts the CDNOW transactions file (test/fixtures/cdnow/CDNOW_sample.txt: master id,
 * sample id, date YYYYMMDD, CDs, dollars; whitespace-separated) to the orders CSV format of
 * `sampan import orders`: one order per transaction, the sample id as the customer's
 * external id (import it with the system "cdnow"), amounts copied digit for digit.
 *
 *   npx tsx scripts/cdnow-to-orders-csv.ts [IN] [OUT]   (defaults: the fixture, stdout)
 *   sampan import orders OUT   (the headers map themselves; add --external-system cdnow)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const CDNOW_SAMPLE = resolve(import.meta.dirname, '../test/fixtures/cdnow/CDNOW_sample.txt');

/** The CSV header the converter writes, and the mapping it needs (all auto-mapped). */
export const CDNOW_ORDERS_MAPPING = {
  customer_id: 'customerExternalId',
  order_date: 'orderedAt',
  quantity: 'quantity',
  amount: 'amount',
  currency: 'currency',
} as const;

export function cdnowToOrdersCsv(text: string): string {
  const out = ['customer_id,order_date,quantity,amount,currency'];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    const cells = line.trim().split(/\s+/);
    const [, sampleId, date, cds, dollars] = cells;
    if (cells.length !== 5 || !sampleId || !/^\d{8}$/.test(date ?? '') || !/^\d+$/.test(cds ?? '') || !dollars)
      throw new Error(`CDNOW line ${i + 1} is not "master id, sample id, YYYYMMDD, CDs, dollars": ${line}`);
    const day = `${date?.slice(0, 4)}-${date?.slice(4, 6)}-${date?.slice(6, 8)}`;
    // A transaction of 0 CDs (none in the sample) would be kept as one line of quantity 1.
    out.push(`${Number(sampleId)},${day},${Math.max(1, Number(cds))},${dollars},USD`);
  }
  return `${out.join('\n')}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const csv = cdnowToOrdersCsv(readFileSync(process.argv[2] ?? CDNOW_SAMPLE, 'utf8'));
  if (process.argv[3]) writeFileSync(process.argv[3], csv);
  else process.stdout.write(csv);
}
