/**
 * Test helper: loads the CDNOW sample (test/fixtures/cdnow) as customers and paid orders
 * with set-based SQL. One small file on purpose: when the order CSV importer lands, this
 * is the one place to swap for the real import path.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../core/db/database.ts';
import { rowsOf } from '../../../core/db/rows-of.ts';

const FILE = join(import.meta.dirname, '../../../../test/fixtures/cdnow/CDNOW_sample.txt');

export interface CdnowTransaction {
  /** Sample id 1–2357. */
  customer: number;
  /** YYYY-MM-DD */
  day: string;
  /** Dollars in cents, stored as satang (one dollar = one baht here). */
  cents: number;
}

export function readCdnowTransactions(): CdnowTransaction[] {
  return readFileSync(FILE, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l) => {
      const [, id, date, , dollars] = l.trim().split(/\s+/);
      const d = String(date);
      return {
        customer: Number(id),
        day: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`,
        cents: Math.round(Number(dollars) * 100),
      };
    });
}

/** Inserts one customer per sample id and one paid order per transaction (at noon, Bangkok). Returns ids by sample id. */
export async function loadCdnowOrders(db: Db): Promise<Map<number, string>> {
  const tx = readCdnowTransactions();
  const count = Math.max(...tx.map((t) => t.customer));
  const customers = await rowsOf<{ id: string; n: number }>(
    db,
    sql`insert into customers (display_name) select 'CDNOW ' || g from generate_series(1, ${count}::int) g
        returning id::text, substr(display_name, 7)::int as n`,
  );
  const ids = new Map(customers.map((c) => [Number(c.n), c.id]));
  const rows = tx.map((t, i) => ({ c: ids.get(t.customer), d: t.day, a: t.cents, e: `cdnow-${i + 1}` }));
  await db.execute(
    sql`insert into orders (customer_id, source, external_id, status, currency, ordered_at, subtotal_satang,
          vat_satang, total_satang, paid_satang, paid_at, content_hash)
        select t.c, 'import', t.e, 'paid', 'THB', (t.d::date + time '12:00') at time zone 'Asia/Bangkok', t.a, 0, t.a, t.a,
          (t.d::date + time '12:00') at time zone 'Asia/Bangkok', md5(t.e)
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as t(c uuid, d text, a bigint, e text)`,
  );
  return ids;
}
