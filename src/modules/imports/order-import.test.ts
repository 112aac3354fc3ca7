import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, asc, eq, inArray, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { auditLog } from '../../core/audit/schema.ts';
import { systemActor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import { outbox } from '../../core/events/schema.ts';
import { activities } from '../activities/index.ts';
import { createCustomer, customerIdentities, customers } from '../customers/index.ts';
import { createStaff, type Staff } from '../customers/testing.ts';
import { orderLines, orders } from '../orders/index.ts';
import { createProduct } from '../products/index.ts';
import { suggestOrderMapping } from './order-fields.ts';
import { parseAmount, parseOrderDate } from './order-values.ts';
import { runImport } from './run-import.ts';
import { importRejections, imports } from './schema.ts';
import { importOrderFile } from './testing.ts';

let testDb: TestDatabase;
let db: Db;
let staff: Staff;
const cli = systemActor('cli');

const MAPPING = {
  customer_id: 'customerExternalId',
  email: 'email',
  phone: 'phone',
  name: 'customerName',
  order_no: 'orderId',
  date: 'orderedAt',
  amount: 'amount',
  currency: 'currency',
  qty: 'quantity',
  product: 'productName',
  sku: 'sku',
};
const HEADER = 'customer_id,email,phone,name,order_no,date,amount,currency,qty,product,sku';

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.database.db;
  staff = await createStaff(db);
});
afterAll(() => testDb.cleanup());

let n = 0;
function tempCsv(lines: string[]): string {
  const path = join(tmpdir(), `sampan-orders-${process.pid}-${++n}.csv`);
  writeFileSync(path, `${[HEADER, ...lines].join('\n')}\n`);
  return path;
}

async function ordersOf(externalIds: string[]) {
  return db.select().from(orders).where(inArray(orders.externalId, externalIds)).orderBy(asc(orders.externalId));
}

async function rejectionsOf(importId: string) {
  return db
    .select()
    .from(importRejections)
    .where(eq(importRejections.importId, importId))
    .orderBy(asc(importRejections.line));
}

describe('order cell values', () => {
  it('reads baht as exact satang and refuses what is not an amount', () => {
    expect(parseAmount('amount', '1,234.50')).toBe(123450);
    expect(parseAmount('amount', '0.1')).toBe(10);
    expect(parseAmount('amount', '19.99')).toBe(1999);
    expect(parseAmount('amount', '฿ 99')).toBe(9900);
    expect(parseAmount('amount', '12.500')).toBe(1250);
    expect(parseAmount('amount', '1234567.89')).toBe(123456789);
    expect(() => parseAmount('amount', '-5')).toThrow('negative');
    expect(() => parseAmount('amount', 'abc')).toThrow('not an amount');
    expect(() => parseAmount('amount', '1.005')).toThrow('2 decimal');
  });

  it('reads dates and date-times in the business zone unless they carry one', () => {
    const tz = 'Asia/Bangkok';
    expect(parseOrderDate('d', '2026-04-13', tz).toISOString()).toBe('2026-04-12T17:00:00.000Z');
    expect(parseOrderDate('d', '20260413', tz).toISOString()).toBe('2026-04-12T17:00:00.000Z');
    expect(parseOrderDate('d', '13/04/2569', tz).toISOString()).toBe('2026-04-12T17:00:00.000Z');
    expect(parseOrderDate('d', '2026-04-13 14:30', tz).toISOString()).toBe('2026-04-13T07:30:00.000Z');
    expect(parseOrderDate('d', '2026-04-13T14:30:00Z', tz).toISOString()).toBe('2026-04-13T14:30:00.000Z');
    expect(parseOrderDate('d', '2026-04-13T14:30:00+09:00', tz).toISOString()).toBe('2026-04-13T05:30:00.000Z');
    // A zone with summer time: the offset of that day.
    expect(parseOrderDate('d', '2026-07-01 12:00', 'Europe/London').toISOString()).toBe('2026-07-01T11:00:00.000Z');
    expect(parseOrderDate('d', '2026-01-01 12:00', 'Europe/London').toISOString()).toBe('2026-01-01T12:00:00.000Z');
    expect(() => parseOrderDate('d', '2026-02-30', tz)).toThrow('not a real date');
    expect(() => parseOrderDate('d', 'yesterday', tz)).toThrow('not a date');
  });

  it('maps Thai and English headers', () => {
    expect(
      suggestOrderMapping(['เบอร์โทร', 'เลขที่คำสั่งซื้อ', 'วันที่', 'ยอดเงิน', 'สกุลเงิน', 'จำนวน', 'ชื่อสินค้า', 'รหัสสินค้า']),
    ).toEqual({
      เบอร์โทร: 'phone',
      เลขที่คำสั่งซื้อ: 'orderId',
      วันที่: 'orderedAt',
      ยอดเงิน: 'amount',
      สกุลเงิน: 'currency',
      จำนวน: 'quantity',
      ชื่อสินค้า: 'productName',
      รหัสสินค้า: 'sku',
    });
    expect(suggestOrderMapping(['Customer ID', 'Order No', 'Order Date', 'Amount', 'Qty', 'SKU'])).toEqual({
      'Customer ID': 'customerExternalId',
      'Order No': 'orderId',
      'Order Date': 'orderedAt',
      Amount: 'amount',
      Qty: 'quantity',
      SKU: 'sku',
    });
  });
});

describe('import orders from CSV', () => {
  it('imports multi-line orders on customers found by phone in another format, email and external id, creating the unknown', async () => {
    const somchai = await createCustomer(db, cli, { firstName: 'สมชาย', phone: '0812345678' });
    const malee = await createCustomer(db, cli, { firstName: 'มาลี', email: 'malee@shop.test' });
    const ext = await createCustomer(db, cli, { firstName: 'ลูกค้าเก่า' });
    await db
      .insert(customerIdentities)
      .values({ customerId: ext.id, kind: 'external', system: 'import', value: 'C-9' });
    await createProduct(db, cli, { sku: 'LATTE-16', nameTh: 'ลาเต้เย็น', currency: 'THB', unitPriceSatang: 6500 });
    const path = tempCsv([
      ',,+66 81 234 5678,,A-1,2026-04-13,130.00,THB,2,,latte-16',
      ',,081-234-5678,,A-1,2026-04-13,0.1,,1,ถุงผ้า,',
      ',MALEE@shop.test,,,A-2,2026-04-13 14:30,"1,000.55",THB,3,ชุดของขวัญ,NOPE-1',
      'C-9,,,,A-3,2026-04-14T10:00:00+07:00,99,,,,',
      ',new@shop.test,,คุณใหม่,A-4,13/04/2569,50,,,,',
      ',new@shop.test,,,A-5,2026-04-15,25.25,,,,',
    ]);
    const { id, progress } = await importOrderFile(db, cli, path, MAPPING);
    expect(progress).toMatchObject({ status: 'completed', processed: 6, created: 6, rejected: 0 });
    const rows = await ordersOf(['A-1', 'A-2', 'A-3', 'A-4', 'A-5']);
    expect(rows.map((o) => [o.externalId, o.customerId === somchai.id, o.totalSatang, o.source, o.status])).toEqual([
      ['A-1', true, 13010, 'import', 'paid'],
      ['A-2', false, 100055, 'import', 'paid'],
      ['A-3', false, 9900, 'import', 'paid'],
      ['A-4', false, 5000, 'import', 'paid'],
      ['A-5', false, 2525, 'import', 'paid'],
    ]);
    const [a1, a2, a3, a4, a5] = rows;
    expect(a2?.customerId).toBe(malee.id);
    expect(a3?.customerId).toBe(ext.id);
    expect(a1?.orderedAt.toISOString()).toBe('2026-04-12T17:00:00.000Z');
    expect(a2?.orderedAt.toISOString()).toBe('2026-04-13T07:30:00.000Z');
    expect(a3?.orderedAt.toISOString()).toBe('2026-04-14T03:00:00.000Z');
    expect(a4?.orderedAt.toISOString()).toBe('2026-04-12T17:00:00.000Z');
    expect(a1?.paidSatang).toBe(13010);
    // One new profile for new@shop.test, named by its name column, holding both orders.
    expect(a4?.customerId).toBe(a5?.customerId);
    const [fresh] = await db
      .select()
      .from(customers)
      .where(eq(customers.id, a4?.customerId ?? ''));
    expect(fresh).toMatchObject({ displayName: 'คุณใหม่', email: 'new@shop.test', source: 'import' });
    expect(fresh?.searchText).toContain('newshoptest');
    const lines = await db
      .select()
      .from(orderLines)
      .where(inArray(orderLines.orderId, [a1?.id ?? '', a2?.id ?? '']))
      .orderBy(asc(orderLines.lineNo));
    // A-1's lines, then A-2's (order ids are not ordered within one batch).
    lines.sort((x, y) => Number(x.orderId !== a1?.id) - Number(y.orderId !== a1?.id) || x.lineNo - y.lineNo);
    expect(lines.map((l) => [l.lineNo, l.sku, l.name, l.quantity, l.grossSatang, l.productId !== null])).toEqual([
      [1, 'LATTE-16', 'ลาเต้เย็น', 2, 13000, true],
      [2, null, 'ถุงผ้า', 1, 10, false],
      [1, 'NOPE-1', 'ชุดของขวัญ', 3, 100055, false],
    ]);
    // 1,000.55 over 3: unit price rounded up, the rest a discount, so the line is exact.
    expect(lines[2]).toMatchObject({ unitPriceSatang: 33352, discountSatang: 1 });
    const timeline = await db
      .select()
      .from(activities)
      .where(and(eq(activities.kind, 'order'), eq(activities.customerId, somchai.id)));
    expect(timeline).toHaveLength(1);
    expect(timeline[0]).toMatchObject({ refType: 'order', refId: a1?.id });
    expect(timeline[0]?.data).toMatchObject({ number: 'A-1', amount: 13010, currency: 'THB', status: 'paid' });
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.map((a) => a.action)).toEqual(['import']);
    const events = await db.select().from(outbox).where(eq(outbox.aggregateId, id));
    expect(events.map((e) => [e.topic, (e.payload as { kind: string }).kind])).toEqual([
      ['imports.completed', 'orders'],
    ]);

    // The same file again: every order exists with the same content → skipped, nothing new.
    const again = await importOrderFile(db, cli, path, MAPPING);
    expect(again.progress).toMatchObject({ status: 'completed', processed: 6, created: 0, skipped: 6, rejected: 0 });
    expect(await ordersOf(['A-1', 'A-2', 'A-3', 'A-4', 'A-5'])).toHaveLength(5);
    const [{ count } = { count: 0 }] = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(customers)
      .where(eq(customers.email, 'new@shop.test'));
    expect(count).toBe(1);
  });

  it('rejects bad rows with line and reason, writes nothing else of their order, and a changed re-import conflicts', async () => {
    const path = tempCsv([
      ',b1@bad.test,,,B-1,2026-05-01,10,XYZ,,,',
      ',b2@bad.test,,,B-2,2026-05-01,-10,,,,',
      ',b3@bad.test,,,B-3,2026-05-01,ten,,,,',
      ',b4@bad.test,,,B-4,2026-13-01,10,,,,',
      ',,,,B-5,2026-05-01,10,,,,',
      ',b6@bad.test,,,B-6,2026-05-01,10,,,,',
      ',b6@bad.test,,,B-6,2026-05-01,20,USD,,,',
      ',b7@bad.test,,,B-7,2026-05-01,10,,,,',
      ',b7@bad.test,,,B-7,2026-05-01,oops,,,,',
      ',b8@bad.test,,,B-8,2026-05-01,10,,,,',
    ]);
    const { id, progress } = await importOrderFile(db, cli, path, MAPPING);
    expect(progress).toMatchObject({ status: 'completed', processed: 10, created: 1, rejected: 9 });
    expect((await ordersOf(['B-1', 'B-2', 'B-3', 'B-4', 'B-5', 'B-6', 'B-7', 'B-8'])).map((o) => o.externalId)).toEqual(
      ['B-8'],
    );
    // No profile was created for a customer whose orders were all rejected.
    const made = await db.select().from(customers).where(like(customers.email, '%@bad.test'));
    expect(made.map((c) => c.email)).toEqual(['b8@bad.test']);
    const rejections = await rejectionsOf(id);
    const reason = (line: number) => rejections.find((r) => r.line === line)?.reason ?? '';
    expect(rejections.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(reason(2)).toContain('currency: "XYZ" is not a known currency');
    expect(reason(2)).toContain('ไม่ใช่รหัสสกุลเงิน');
    expect(reason(3)).toContain('amount: must not be negative');
    expect(reason(4)).toContain('amount: "ten" is not an amount');
    expect(reason(5)).toContain('orderedAt: "2026-13-01" is not a real date');
    expect(reason(6)).toContain('customer: no customer id, email or phone');
    expect(reason(7)).toContain('order B-6: line 8 was rejected (currency: differs from line 7');
    expect(reason(8)).toContain('currency: differs from line 7');
    expect(reason(9)).toContain('order B-7: line 10 was rejected (amount:');
    expect(reason(10)).toContain('amount: "oops" is not an amount');
    expect(rejections[0]?.raw).toContain('b1@bad.test');

    // The same order id with another amount: refused with the reason, the stored order unchanged.
    const changed = tempCsv([',b8@bad.test,,,B-8,2026-05-01,11,,,,']);
    const conflict = await importOrderFile(db, cli, changed, MAPPING);
    expect(conflict.progress).toMatchObject({ created: 0, rejected: 1 });
    expect((await rejectionsOf(conflict.id))[0]?.reason).toContain(
      'order B-8 from import already exists with different content',
    );
    expect((await ordersOf(['B-8']))[0]?.totalSatang).toBe(1000);
  });

  it('rejects unknown customers and SKUs when the import says so', async () => {
    await createCustomer(db, cli, { firstName: 'รู้จัก', email: 'known@opt.test' });
    const path = tempCsv([
      ',known@opt.test,,,O-1,2026-05-01,10,,,,',
      ',stranger@opt.test,,,O-2,2026-05-01,10,,,,',
      ',known@opt.test,,,O-3,2026-05-01,10,,,,NO-SUCH-SKU',
    ]);
    const { id, progress } = await importOrderFile(db, cli, path, MAPPING, {
      importOptions: { unknownCustomer: 'reject', unknownSku: 'reject' },
    });
    expect(progress).toMatchObject({ created: 1, rejected: 2 });
    const rejections = await rejectionsOf(id);
    expect(rejections.map((r) => [r.line, r.reason.split(' / ')[0]])).toEqual([
      [3, 'customer: no customer with email stranger@opt.test'],
      [4, 'sku: no product NO-SUCH-SKU'],
    ]);
    expect(await db.select().from(customers).where(eq(customers.email, 'stranger@opt.test'))).toHaveLength(0);
  });

  it('keeps the lines of one order in one batch, gives rows without an order id their own order, and resumes without writing twice', async () => {
    const path = tempCsv([
      ',k@batch.test,,,K-1,2026-05-01,1,,,,',
      ',k@batch.test,,,K-1,2026-05-01,2,,,,',
      ',k@batch.test,,,K-1,2026-05-01,3,,,,',
      ',k@batch.test,,,,2026-05-02,4,,,,',
      ',k@batch.test,,,,2026-05-02,5,,,,',
      ',k@batch.test,,,K-2,2026-05-03,6,,,,',
      ',k@batch.test,,,K-3,2026-05-03,7,,,,',
      ',k@batch.test,,,K-2,2026-05-03,8,,,,',
    ]);
    // batch size 2: K-1's three lines stay together; then stop after two batches as if the process died.
    const first = await importOrderFile(db, cli, path, MAPPING, { batchSize: 2, stopAfterBatches: 2 });
    expect(first.progress).toMatchObject({ status: 'running', processed: 5, committedLine: 6 });
    const [k1] = await ordersOf(['K-1']);
    expect(k1?.totalSatang).toBe(600);
    expect(
      await db
        .select()
        .from(orderLines)
        .where(eq(orderLines.orderId, k1?.id ?? '')),
    ).toHaveLength(3);
    const own = await db
      .select()
      .from(orders)
      .where(like(orders.externalId, `${first.id}:%`))
      .orderBy(asc(orders.externalId));
    expect(own.map((o) => [o.externalId, o.totalSatang])).toEqual([
      [`${first.id}:5`, 400],
      [`${first.id}:6`, 500],
    ]);
    const resumed = await runImport(db, cli, first.id, { batchSize: 2 });
    expect(resumed).toMatchObject({ status: 'completed', processed: 8, created: 7, rejected: 1 });
    expect(
      await db
        .select()
        .from(orders)
        .where(like(orders.externalId, `${first.id}:%`)),
    ).toHaveLength(2);
    // K-2's second line comes after K-3 in another batch: the order K-2 exists with one line, so it conflicts.
    expect((await ordersOf(['K-2', 'K-3'])).map((o) => [o.externalId, o.totalSatang])).toEqual([
      ['K-2', 600],
      ['K-3', 700],
    ]);
    const [rejected] = await rejectionsOf(first.id);
    expect(rejected?.line).toBe(9);
    expect(rejected?.reason).toContain('must be consecutive');
  });

  it('a batch that fails part-way leaves nothing of it written, and the import resumes', async () => {
    await db.execute(sql`create function fail_order_line() returns trigger language plpgsql as $$
      begin
        if new.name = 'boom' then raise exception 'boom'; end if;
        return new;
      end $$`);
    await db.execute(
      sql`create trigger fail_order_line before insert on order_lines for each row execute function fail_order_line()`,
    );
    const lines: string[] = [];
    for (let i = 1; i <= 6; i++) lines.push(`,f${i}@fail.test,,,F-${i},2026-05-01,${i},,,${i === 4 ? 'boom' : 'ok'},`);
    const path = tempCsv(lines);
    const failed = await importOrderFile(db, cli, path, MAPPING, { batchSize: 2 }).catch((e: unknown) => e);
    expect(String(failed)).toContain('boom');
    const [row] = await db
      .select()
      .from(imports)
      .where(eq(imports.fileName, path.split('/').at(-1) ?? ''));
    expect(row).toMatchObject({ processedRows: 2, committedLine: 3, createdRows: 2 });
    expect((await ordersOf(['F-1', 'F-2', 'F-3', 'F-4', 'F-5', 'F-6'])).map((o) => o.externalId)).toEqual([
      'F-1',
      'F-2',
    ]);
    expect(await db.select().from(customers).where(like(customers.email, '%@fail.test'))).toHaveLength(2);
    expect(await db.select().from(activities).where(inArray(activities.refId, []))).toHaveLength(0);

    await db.execute(sql`drop trigger fail_order_line on order_lines`);
    const resumed = await runImport(db, cli, row?.id ?? '', { batchSize: 2 });
    expect(resumed).toMatchObject({ status: 'completed', processed: 6, created: 6 });
    const all = await ordersOf(['F-1', 'F-2', 'F-3', 'F-4', 'F-5', 'F-6']);
    expect(all.map((o) => o.totalSatang)).toEqual([100, 200, 300, 400, 500, 600]);
    const timeline = await db
      .select()
      .from(activities)
      .where(
        inArray(
          activities.refId,
          all.map((o) => o.id),
        ),
      );
    expect(timeline).toHaveLength(6);
  });

  it('a dry run writes no orders or customers but reports what would happen', async () => {
    const path = tempCsv([',dry@run.test,,,D-1,2026-05-01,10,,,,', ',dry@run.test,,,D-2,2026-05-01,x,,,,']);
    const { progress } = await importOrderFile(db, cli, path, MAPPING, { dryRun: true });
    expect(progress).toMatchObject({ status: 'completed', created: 1, rejected: 1 });
    expect(await ordersOf(['D-1', 'D-2'])).toHaveLength(0);
    expect(await db.select().from(customers).where(eq(customers.email, 'dry@run.test'))).toHaveLength(0);
  });

  it('needs sales create, and customers create to make new profiles', async () => {
    const path = tempCsv([',x@perm.test,,,P-1,2026-05-01,10,,,,']);
    await expect(importOrderFile(db, staff.viewer, path, MAPPING)).rejects.toMatchObject({ code: 'forbidden' });
    const { progress } = await importOrderFile(db, staff.salesA, path, MAPPING);
    expect(progress).toMatchObject({ created: 1 });
    const [order] = await ordersOf(['P-1']);
    const [owner] = await db
      .select()
      .from(customers)
      .where(eq(customers.id, order?.customerId ?? ''));
    expect(owner?.ownerId).toBe(staff.salesA.principal.userId);
  });
});
