/**
 * Test helper: loads the CDNOW sample (test/fixtures/cdnow) through the real path a shop
 * would use — converted to the orders CSV format (scripts/cdnow-to-orders-csv.ts) and run
 * through the orders importer (`sampan import orders`), each sample id becoming a customer
 * with an external identifier (system "cdnow", value the sample id). Amounts are dollars in
 * cents, stored as minor units.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { CDNOW_ORDERS_MAPPING, CDNOW_SAMPLE, cdnowToOrdersCsv } from '../../../../scripts/cdnow-to-orders-csv.ts';
import { systemActor } from '../../../core/auth/principal.ts';
import type { Db } from '../../../core/db/database.ts';
import { customerIdentities } from '../../customers/index.ts';
import { createFileImport, runImport } from '../../imports/index.ts';

export interface CdnowTransaction {
  /** Sample id 1–2357. */
  customer: number;
  /** YYYY-MM-DD */
  day: string;
  /** Dollars in cents. */
  cents: number;
}

/** The transactions as the file states them, read without the importer (for expected values). */
export function readCdnowTransactions(): CdnowTransaction[] {
  return readFileSync(CDNOW_SAMPLE, 'utf8')
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

/** Imports the sample as orders through the orders importer. Returns customer ids by sample id. */
export async function loadCdnowOrders(db: Db): Promise<Map<number, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'sampan-cdnow-'));
  try {
    const path = join(dir, 'cdnow-orders.csv');
    writeFileSync(path, cdnowToOrdersCsv(readFileSync(CDNOW_SAMPLE, 'utf8')));
    const actor = systemActor('cli');
    const created = await createFileImport(db, actor, {
      kind: 'orders',
      path,
      fileName: 'cdnow-orders.csv',
      fileSize: statSync(path).size,
      fileSha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
      mapping: { ...CDNOW_ORDERS_MAPPING },
      options: { externalSystem: 'cdnow' },
      dryRun: false,
    });
    const progress = await runImport(db, actor, created.id);
    if (progress.status !== 'completed' || progress.rejected > 0) {
      throw new Error(`CDNOW import ended ${progress.status} with ${progress.rejected} rejected rows`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const held = await db
    .select({ value: customerIdentities.value, customerId: customerIdentities.customerId })
    .from(customerIdentities)
    .where(and(eq(customerIdentities.kind, 'external'), eq(customerIdentities.system, 'cdnow')));
  return new Map(held.map((h) => [Number(h.value), h.customerId]));
}
