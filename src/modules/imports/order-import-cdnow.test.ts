import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CDNOW_ORDERS_MAPPING, CDNOW_SAMPLE, cdnowToOrdersCsv } from '../../../scripts/cdnow-to-orders-csv.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { systemActor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import { customerIdentities } from '../customers/index.ts';
import { orderLines, orders } from '../orders/index.ts';
import { suggestOrderMapping } from './order-fields.ts';
import { importOrderFile } from './testing.ts';

let testDb: TestDatabase;
let db: Db;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.database.db;
});
afterAll(() => testDb.cleanup());

/** What the file says, read independently of the importer: customers, transactions, cents. */
function cdnowFacts() {
  const customers = new Set<string>();
  let transactions = 0;
  let cents = 0;
  let cds = 0;
  for (const line of readFileSync(CDNOW_SAMPLE, 'utf8').split(/\r?\n/)) {
    const cells = line.trim().split(/\s+/);
    if (cells.length !== 5) continue;
    customers.add(cells[1] as string);
    transactions++;
    const [whole, fraction = ''] = (cells[4] as string).split('.');
    cents += Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
    cds += Number(cells[3]);
  }
  return { customers: customers.size, transactions, cents, cds };
}

describe('CDNOW sample through the orders import', () => {
  it('imports every transaction of the 2,357 customers, totals exact to the cent', async () => {
    const facts = cdnowFacts();
    expect(facts.customers).toBe(2357);
    expect(facts.transactions).toBe(6919);
    const path = join(tmpdir(), `sampan-cdnow-${process.pid}.csv`);
    const csv = cdnowToOrdersCsv(readFileSync(CDNOW_SAMPLE, 'utf8'));
    writeFileSync(path, csv);
    const headers = csv.slice(0, csv.indexOf('\n')).split(',');
    expect(suggestOrderMapping(headers)).toEqual(CDNOW_ORDERS_MAPPING);
    const { id, progress } = await importOrderFile(db, systemActor('cli'), path, CDNOW_ORDERS_MAPPING, {
      importOptions: { externalSystem: 'cdnow' },
    });
    expect(progress).toMatchObject({ status: 'completed', processed: 6919, created: 6919, rejected: 0 });
    const [ids] = await db
      .select({ n: sql<number>`count(distinct ${customerIdentities.customerId})::int` })
      .from(customerIdentities)
      .where(and(eq(customerIdentities.kind, 'external'), eq(customerIdentities.system, 'cdnow')));
    expect(ids?.n).toBe(2357);
    const [totals] = await db
      .select({
        orders: sql<number>`count(*)::int`,
        customers: sql<number>`count(distinct ${orders.customerId})::int`,
        cents: sql<string>`sum(${orders.totalSatang})::text`,
        usd: sql<number>`count(*) filter (where ${orders.currency} = 'USD')::int`,
        first: sql<string>`min(${orders.orderedAt})::text`,
      })
      .from(orders)
      .where(like(orders.externalId, `${id}:%`));
    expect(totals).toMatchObject({ orders: 6919, customers: 2357, cents: String(facts.cents), usd: 6919 });
    const [cds] = await db
      .select({ n: sql<number>`sum(${orderLines.quantity})::int` })
      .from(orderLines)
      .innerJoin(orders, eq(orders.id, orderLines.orderId))
      .where(like(orders.externalId, `${id}:%`));
    expect(cds?.n).toBe(facts.cds);
  });
});
