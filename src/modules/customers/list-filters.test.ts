import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import type { Db } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { createCustomer } from './create-customer.ts';
import type { CustomerView } from './customer-view.ts';
import { type ListCustomersInput, listCustomers } from './list-customers.ts';
import { CUSTOMER_SORTS } from './list-filters.ts';
import { customers, customFieldDefinitions } from './schema.ts';
import { createStaff, type Staff, userIdOf } from './testing.ts';

let testDb: TestDatabase;
let db: Db;
let staff: Staff;
const c: Record<string, CustomerView> = {};

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.database.db;
  staff = await createStaff(db);
  await db.insert(customFieldDefinitions).values([
    { key: 'shoe_size', labelTh: 'ไซส์รองเท้า', labelEn: 'Shoe size', type: 'number' },
    { key: 'member_since', labelTh: 'เป็นสมาชิกตั้งแต่', labelEn: 'Member since', type: 'date' },
    {
      key: 'channels',
      labelTh: 'ช่องทาง',
      labelEn: 'Channels',
      type: 'multi_select',
      options: [
        { value: 'shop', th: 'หน้าร้าน', en: 'Shop' },
        { value: 'online', th: 'ออนไลน์', en: 'Online' },
      ],
    },
    { key: 'note', labelTh: 'หมายเหตุ', labelEn: 'Note', type: 'text' },
  ]);
  c.a = await createCustomer(db, staff.salesA, {
    firstName: 'อนันต์',
    tags: ['vip', 'ลูกค้าประจำ'],
    province: 'เชียงใหม่',
    source: 'line_oa',
    customFields: { shoe_size: 42, member_since: '2020-05-01', channels: ['shop', 'online'], note: 'ทอง' },
  });
  c.b = await createCustomer(db, staff.salesA, {
    firstName: 'บุญมี',
    tags: ['vip'],
    province: 'ภูเก็ต',
    customerType: 'reseller',
    customFields: { shoe_size: 38, member_since: '2023-01-15', channels: ['online'] },
  });
  c.co = await createCustomer(db, staff.admin, {
    kind: 'company',
    displayName: 'บริษัท ชัยพร จำกัด',
    customerType: 'business',
    ownerId: null,
    referredById: c.a.id,
  });
  c.d = await createCustomer(db, staff.salesB, { firstName: 'ดวงใจ', source: 'walk_in', referredById: null });
  // created dates at the edges of Bangkok days (UTC+7): 2024-06-01 00:30 and 23:30 local
  await db
    .update(customers)
    .set({ createdAt: new Date('2024-05-31T17:30:00Z') })
    .where(eq(customers.id, c.a.id));
  await db
    .update(customers)
    .set({ createdAt: new Date('2024-06-01T16:30:00Z') })
    .where(eq(customers.id, c.b.id));
  await db.execute(sql`insert into consent_state (customer_id, purpose, channel, status, lawful_basis, record_id)
    values (${c.a.id}, 'marketing', 'email', 'granted', 'consent', gen_random_uuid()),
           (${c.b.id}, 'marketing', 'email', 'withdrawn', 'consent', gen_random_uuid())`);
});
afterAll(() => testDb.cleanup());

const name = (id: string) => Object.entries(c).find(([, v]) => v.id === id)?.[0];

async function names(input: Omit<ListCustomersInput, 'limit'>, actor = staff.admin): Promise<string[]> {
  const page = await listCustomers(db, actor, { limit: 100, ...input });
  return page.items.map((v) => name(v.id) ?? '?').sort();
}

async function fieldErrors(input: Omit<ListCustomersInput, 'limit'>) {
  const err = await listCustomers(db, staff.admin, { limit: 10, ...input }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe('validation_failed');
  return (err as AppError).details as { path: string; message: string; th?: string }[];
}

describe('customer list filters', () => {
  it('filters by tags (all must match), kind, type, province, source and owner', async () => {
    expect(await names({ tag: 'vip' })).toEqual(['a', 'b']);
    expect(await names({ tag: ['vip', 'ลูกค้าประจำ'] })).toEqual(['a']);
    expect(await names({ kind: 'company' })).toEqual(['co']);
    expect(await names({ customerType: 'reseller' })).toEqual(['b']);
    expect(await names({ province: 'ภูเก็ต' })).toEqual(['b']);
    expect(await names({ source: 'LINE_OA' })).toEqual(['a']);
    expect(await names({ ownerId: 'none' })).toEqual(['co']);
    expect(await names({ ownerId: userIdOf(staff.salesB) })).toEqual(['d']);
    expect(await names({ ownerId: 'me' }, staff.salesA)).toEqual(['a', 'b']);
    expect(await names({ referredBy: c.a?.id })).toEqual(['co']);
  });

  it('filters by the value scores of the last analytics recompute (grade, RFM segment, churn risk)', async () => {
    // customer_scores is the analytics module's (above customers); rows written here as its recompute would.
    const [run] = await db
      .execute(sql`insert into score_runs (status, trigger, calibration_end, time_unit)
      values ('succeeded', 'test', '2024-06-30', 'week') returning id`)
      .then((r) => (r as unknown as { rows: { id: string }[] }).rows);
    const score = (customer: string, grade: string, segment: string, risk: string) =>
      sql`(${c[customer]?.id}::uuid, ${run?.id}::uuid, now(), 3, 3, 3, ${segment}, 0.5, ${risk}, 1, 1000, ${grade}, 2, 2000, '2024-01-01', '2024-06-01')`;
    await db.execute(sql`insert into customer_scores (customer_id, run_id, computed_at, rfm_r, rfm_f, rfm_m, rfm_segment,
        p_alive, churn_risk, expected_purchases_90d, clv_12m_satang, value_grade, purchase_periods, total_spend_satang,
        first_purchase_on, last_purchase_on)
      values ${score('a', 'A', 'champions', 'low')}, ${score('b', 'B', 'at_risk', 'high')}, ${score('d', 'A', 'at_risk', 'medium')}`);
    expect(await names({ valueGrade: 'A' })).toEqual(['a', 'd']);
    expect(await names({ valueGrade: ['B', 'C'] })).toEqual(['b']);
    expect(await names({ rfmSegment: 'at_risk' })).toEqual(['b', 'd']);
    expect(await names({ rfmSegment: 'at_risk', churnRisk: 'high' })).toEqual(['b']);
    expect(await names({ valueGrade: 'A' }, staff.salesA)).toEqual(['a']);
    const errors = await fieldErrors({ valueGrade: 'D' as 'A', rfmSegment: 'vip' as 'new' });
    expect(errors.map((e) => e.path).sort()).toEqual(['rfmSegment', 'valueGrade']);
  });

  it('filters by RFM recency and frequency scores (a cell of the dashboard grid)', async () => {
    await db.execute(sql`delete from customer_scores`);
    const [run] = await db
      .execute(sql`insert into score_runs (status, trigger, calibration_end, time_unit)
      values ('succeeded', 'test', '2024-07-31', 'week') returning id`)
      .then((r) => (r as unknown as { rows: { id: string }[] }).rows);
    const score = (customer: string, r: number, f: number, segment: string) =>
      sql`(${c[customer]?.id}::uuid, ${run?.id}::uuid, now(), ${r}, ${f}, 3, ${segment}, 0.5, 'low', 1, 1000, 'B', 2, 2000, '2024-01-01', '2024-06-01')`;
    await db.execute(sql`insert into customer_scores (customer_id, run_id, computed_at, rfm_r, rfm_f, rfm_m, rfm_segment,
        p_alive, churn_risk, expected_purchases_90d, clv_12m_satang, value_grade, purchase_periods, total_spend_satang,
        first_purchase_on, last_purchase_on)
      values ${score('a', 5, 4, 'champions')}, ${score('b', 2, 3, 'at_risk')}, ${score('d', 2, 4, 'at_risk')}`);
    // As a query string gives them: '2', or repeated.
    expect(await names({ rfmR: '2' })).toEqual(['b', 'd']);
    expect(await names({ rfmR: '2', rfmF: '4' })).toEqual(['d']);
    expect(await names({ rfmF: ['3', '4'] })).toEqual(['a', 'b', 'd']);
    expect(await names({ rfmR: 1 })).toEqual([]);
    // Someone else's customer stays out of a salesperson's cell.
    expect(await names({ rfmR: 2 }, staff.salesA)).toEqual(['b']);
    const errors = await fieldErrors({ rfmR: '6', rfmF: 'x' });
    expect(errors.map((e) => e.path).sort()).toEqual(['rfmF', 'rfmR']);
  });

  it('filters created dates by business-time-zone days', async () => {
    expect(await names({ createdFrom: '2024-06-01', createdTo: '2024-06-01' })).toEqual(['a', 'b']);
    expect(await names({ createdTo: '2024-05-31' })).toEqual([]);
    expect(await names({ createdFrom: '2024-06-02', createdTo: '2030-01-01' })).toEqual(['co', 'd']);
  });

  it('filters custom fields: equality, multi-select membership, number and date ranges', async () => {
    expect(await names({ 'cf.shoe_size': '42' } as ListCustomersInput)).toEqual(['a']);
    expect(await names({ 'cf.shoe_size.gte': '39' } as ListCustomersInput)).toEqual(['a']);
    expect(await names({ 'cf.shoe_size.lte': '42', 'cf.shoe_size.gte': '30' } as ListCustomersInput)).toEqual([
      'a',
      'b',
    ]);
    expect(await names({ 'cf.member_since.gte': '2021-01-01' } as ListCustomersInput)).toEqual(['b']);
    expect(await names({ 'cf.channels': 'online' } as ListCustomersInput)).toEqual(['a', 'b']);
    expect(await names({ 'cf.channels': 'shop' } as ListCustomersInput)).toEqual(['a']);
    expect(await names({ 'cf.note': 'ทอง' } as ListCustomersInput)).toEqual(['a']);
  });

  it('filters consent state per purpose and channel, including none', async () => {
    expect(await names({ consent: 'marketing:email:granted' })).toEqual(['a']);
    expect(await names({ consent: 'marketing:email:withdrawn' })).toEqual(['b']);
    expect(await names({ consent: 'marketing:email:none' })).toEqual(['co', 'd']);
    expect(await names({ consent: ['marketing:email:none', 'marketing:sms:none'] })).toEqual(['co', 'd']);
  });

  it('applies record visibility on top of every filter', async () => {
    expect(await names({ tag: 'vip' }, staff.salesB)).toEqual([]);
    expect(await names({ source: 'walk_in' }, staff.salesB)).toEqual(['d']);
  });

  it('leaves merged and erased profiles out of the list', async () => {
    const m = await createCustomer(db, staff.admin, { firstName: 'รวมแล้ว', tags: ['merged-test'] });
    expect((await listCustomers(db, staff.admin, { limit: 5, tag: 'merged-test' })).items).toHaveLength(1);
    await db.update(customers).set({ status: 'merged', mergedIntoId: c.a?.id }).where(eq(customers.id, m.id));
    expect((await listCustomers(db, staff.admin, { limit: 5, tag: 'merged-test' })).items).toHaveLength(0);
  });

  it('refuses bad filters with a per-parameter error in Thai and English', async () => {
    expect(await fieldErrors({ createdFrom: '2024-13-01' })).toEqual([
      expect.objectContaining({
        path: 'createdFrom',
        message: 'a date is YYYY-MM-DD',
        th: expect.stringMatching(/วันที่/),
      }),
    ]);
    expect(await fieldErrors({ consent: 'marketing:email' })).toEqual([
      expect.objectContaining({ path: 'consent', th: expect.stringMatching(/ความยินยอม/) }),
    ]);
    expect(await fieldErrors({ 'cf.nope': '1' } as ListCustomersInput)).toEqual([
      expect.objectContaining({ path: 'cf.nope', message: 'no custom field nope' }),
    ]);
    expect(await fieldErrors({ 'cf.shoe_size': 'big' } as ListCustomersInput)).toEqual([
      expect.objectContaining({ path: 'cf.shoe_size', th: 'กรุณาใส่ตัวเลข' }),
    ]);
    expect(await fieldErrors({ 'cf.note.gte': 'a' } as ListCustomersInput)).toEqual([
      expect.objectContaining({ path: 'cf.note.gte' }),
    ]);
    expect(await fieldErrors({ sort: 'random' as 'name_asc' })).toEqual([expect.objectContaining({ path: 'sort' })]);
    expect(await fieldErrors({ ownerId: 'someone' })).toEqual([expect.objectContaining({ path: 'ownerId' })]);
  });
});

describe('sorts with keyset cursors', () => {
  it.each(CUSTOMER_SORTS)('%s returns every row once, in order, across pages', async (sort) => {
    const all = (await listCustomers(db, staff.admin, { limit: 200, sort })).items;
    const seen: CustomerView[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 20; pages += 1) {
      const page = await listCustomers(db, staff.admin, { limit: 2, sort, cursor });
      seen.push(...page.items);
      cursor = page.nextCursor ?? undefined;
      if (!cursor) break;
    }
    expect(seen.map((v) => v.id)).toEqual(all.map((v) => v.id));
    expect(all.length).toBeGreaterThanOrEqual(4);
    const key = (v: CustomerView) => (sort === 'updated_desc' ? v.updatedAt : v.createdAt);
    for (let i = 1; i < all.length; i += 1) {
      const prev = all[i - 1] as CustomerView;
      const cur = all[i] as CustomerView;
      // name_asc follows the database collation; its order is checked by the page walk above
      if (sort === 'name_asc') continue;
      if (sort === 'created_asc') expect(prev.createdAt <= cur.createdAt).toBe(true);
      else expect(key(prev) >= key(cur)).toBe(true);
    }
  });

  it('refuses a cursor of another shape', async () => {
    const page = await listCustomers(db, staff.admin, { limit: 1, sort: 'name_asc' });
    // a name cursor is not a timestamp: created_desc refuses it
    expect(await fieldErrors({ sort: 'created_desc', cursor: page.nextCursor ?? '' })).toEqual([
      expect.objectContaining({ path: 'cursor', th: 'ตัวชี้หน้าไม่ถูกต้อง' }),
    ]);
  });
});

describe('search uses the GIN index', () => {
  it('plans q through customers_search_idx', async () => {
    const plan = await db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const rows = await tx.execute(
        sql`explain select id from customers where search_vector @@ to_tsquery('simple'::regconfig, ${'อนันต์:*'})`,
      );
      return JSON.stringify(rows);
    });
    expect(plan).toContain('customers_search_idx');
  });
});
