import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../core/db/rows-of.ts';
import type { Cohorts } from './get-cohorts.ts';
import type { Kpis } from './get-kpis.ts';
import type { MarketingSpendView } from './marketing-spend-view.ts';
import { type AnalyticsFixture, createAnalyticsFixture } from './testing/fixture.ts';

let f: AnalyticsFixture;
let salesA: { userId: string; token: string };
let salesB: { userId: string; token: string };
let marketing: { userId: string; token: string };
const id: Record<string, string> = {};
let seq = 0;

const json = async <T>(res: Response) => (await res.json()) as T;
const get = async <T>(path: string, token = f.admin.token) => {
  const res = await f.call('GET', path, token);
  expect(res.status, await res.clone().text()).toBe(200);
  return json<T>(res);
};

/** An order at noon Bangkok time unless an instant is given. */
async function order(
  customer: string,
  day: string,
  total: number,
  o: { status?: string; refunded?: number; source?: string; currency?: string; at?: string } = {},
) {
  seq += 1;
  const status = o.status ?? 'paid';
  const paid = status === 'cancelled' ? 0 : total;
  await f.t.testDb.database.db.execute(
    sql`insert into orders (customer_id, source, external_id, status, currency, ordered_at, subtotal_satang, vat_satang,
          total_satang, paid_satang, refunded_satang, content_hash)
        values (${id[customer]}, ${o.source ?? 'manual'}, ${`k-${seq}`}, ${status}, ${o.currency ?? 'THB'},
          ${o.at ?? `${day}T05:00:00Z`}::timestamptz, ${total}, 0, ${total}, ${paid}, ${o.refunded ?? 0}, ${`kh-${seq}`})`,
  );
}

beforeAll(async () => {
  f = await createAnalyticsFixture();
  salesA = await f.t.userWithToken('sales');
  salesB = await f.t.userWithToken('sales');
  marketing = await f.t.userWithToken('marketing');
  for (const name of ['A', 'B', 'C', 'D', 'E', 'F']) id[name] = await f.customer(`ลูกค้า ${name}`, salesA.userId);
  id.G = await f.customer('ลูกค้า G', salesB.userId);
  await order('A', '2025-01-10', 1000);
  await order('A', '2025-02-05', 500);
  await order('A', '2025-03-20', 700);
  await order('B', '2025-01-25', 2000);
  await order('B', '2025-03-02', 300);
  await order('B', '2025-03-03', 1000, { currency: 'USD' });
  await order('C', '2025-02-14', 1500);
  await order('C', '2025-02-20', 100, { source: 'pos' });
  await order('D', '2025-02-01', 900, { status: 'cancelled' });
  await order('D', '2025-03-05', 400);
  // 2025-01-31 18:00 UTC is 2025-02-01 01:00 in Bangkok: a February customer.
  await order('E', '', 800, { at: '2025-01-31T18:00:00Z' });
  await order('F', '2025-01-05', 1000, { status: 'partially_refunded', refunded: 400 });
  await order('F', '2025-01-06', 999, { status: 'pending' });
  await order('G', '2025-01-15', 5000);
  await f.t.testDb.database.db.execute(
    sql`update customers set custom_fields = ${JSON.stringify({ category_spend_monthly_satang: 3100 })}::jsonb where id = ${id.A}`,
  );
});
afterAll(() => f.t.close());

describe('GET /analytics/cohorts', () => {
  it('groups customers by the month of their first counted order, with hand-computed retention and revenue', async () => {
    const body = await get<Cohorts>('/analytics/cohorts?from=2025-01&to=2025-03');
    expect(body).toMatchObject({ from: '2025-01', to: '2025-03', source: null, currency: 'THB' });
    expect(body.cohorts).toEqual([
      {
        cohort: '2025-01',
        customers: 4,
        cells: [
          { monthsSince: 0, customers: 4, retention: 1, revenueSatang: 1000 + 2000 + 600 + 5000 },
          { monthsSince: 1, customers: 1, retention: 0.25, revenueSatang: 500 },
          // B's USD order counts as activity, not as baht revenue.
          { monthsSince: 2, customers: 2, retention: 0.5, revenueSatang: 700 + 300 },
        ],
      },
      { cohort: '2025-02', customers: 2, cells: [{ monthsSince: 0, customers: 2, retention: 1, revenueSatang: 2400 }] },
      { cohort: '2025-03', customers: 1, cells: [{ monthsSince: 0, customers: 1, retention: 1, revenueSatang: 400 }] },
    ]);
  });

  it('filters by order source, and follows customer visibility (a salesperson sees their own)', async () => {
    const pos = await get<Cohorts>('/analytics/cohorts?from=2025-01&to=2025-03&source=pos');
    expect(pos.cohorts).toEqual([
      { cohort: '2025-02', customers: 1, cells: [{ monthsSince: 0, customers: 1, retention: 1, revenueSatang: 100 }] },
    ]);
    const own = await get<Cohorts>('/analytics/cohorts?from=2025-01&to=2025-01', salesA.token);
    expect(own.cohorts[0]).toMatchObject({ cohort: '2025-01', customers: 3 });
    expect(own.cohorts[0]?.cells.map((c) => c.customers)).toEqual([3, 1, 2]);
    const other = await get<Cohorts>('/analytics/cohorts?from=2025-01&to=2025-03', salesB.token);
    expect(other.cohorts).toEqual([
      { cohort: '2025-01', customers: 1, cells: [{ monthsSince: 0, customers: 1, retention: 1, revenueSatang: 5000 }] },
    ]);
  });

  it('refuses a bad month or a reversed range with coded Thai and English messages', async () => {
    const bad = await f.call('GET', '/analytics/cohorts?from=2025-13&to=2025-03', f.admin.token, undefined, 'th');
    expect(bad.status).toBe(400);
    const body = await json<{ code: string; detail: string }>(bad);
    expect(body.code).toBe('analytics_bad_month');
    expect(body.detail).toContain('ปปปป-ดด');
    const reversed = await f.call('GET', '/analytics/cohorts?from=2025-04&to=2025-03', f.admin.token);
    expect(await json(reversed)).toMatchObject({ code: 'analytics_bad_period' });
    expect((await f.call('GET', '/analytics/cohorts?source=fax', f.admin.token)).status).toBe(400);
  });
});

describe('marketing spend', () => {
  let march: MarketingSpendView;
  it('is entered per month by marketing, once per month, currency and channel', async () => {
    const res = await f.call('POST', '/analytics/marketing-spend', marketing.token, {
      month: '2025-03',
      amountSatang: 100_000,
    });
    expect(res.status).toBe(201);
    march = await json<MarketingSpendView>(res);
    expect(march).toMatchObject({ month: '2025-03', currency: 'THB', channel: '', amountSatang: 100_000 });
    const again = await f.call(
      'POST',
      '/analytics/marketing-spend',
      marketing.token,
      { month: '2025-03', amountSatang: 5 },
      'th',
    );
    expect(again.status).toBe(409);
    expect((await json<{ detail: string }>(again)).detail).toContain('2025-03');
    const feb = await f.call('POST', '/analytics/marketing-spend', f.admin.token, {
      month: '2025-02',
      amountSatang: 50_000,
      channel: 'facebook',
      note: 'โฆษณา',
    });
    expect(feb.status).toBe(201);
  });

  it('refuses bad input and salespeople, writing nothing', async () => {
    const before = (await get<{ items: unknown[] }>('/analytics/marketing-spend')).items.length;
    const cases: [unknown, string, number][] = [
      [{ month: '2025-3', amountSatang: 1 }, 'analytics_bad_month', 400],
      [{ month: '2025-04', amountSatang: -1 }, 'validation_failed', 400],
      [{ month: '2025-04', amountSatang: 1.5 }, 'validation_failed', 400],
      [{ month: '2025-04', amountSatang: 1, currency: 'baht' }, 'validation_failed', 400],
    ];
    for (const [body, code, status] of cases) {
      const res = await f.call('POST', '/analytics/marketing-spend', f.admin.token, body);
      expect(res.status).toBe(status);
      expect((await json<{ code: string }>(res)).code).toBe(code);
    }
    expect(
      (await f.call('POST', '/analytics/marketing-spend', salesA.token, { month: '2025-04', amountSatang: 1 })).status,
    ).toBe(403);
    expect((await f.call('GET', '/analytics/marketing-spend', salesA.token)).status).toBe(403);
    expect((await get<{ items: unknown[] }>('/analytics/marketing-spend')).items).toHaveLength(before);
  });

  it('is changed and removed with audit entries', async () => {
    const res = await f.call('PATCH', `/analytics/marketing-spend/${march.id}`, marketing.token, {
      amountSatang: 120_000,
    });
    expect(await json(res)).toMatchObject({ amountSatang: 120_000 });
    const tmp = await json<MarketingSpendView>(
      await f.call('POST', '/analytics/marketing-spend', f.admin.token, { month: '2024-12', amountSatang: 7 }),
    );
    expect((await f.call('DELETE', `/analytics/marketing-spend/${tmp.id}`, f.admin.token)).status).toBe(204);
    expect((await f.call('DELETE', `/analytics/marketing-spend/${tmp.id}`, f.admin.token)).status).toBe(404);
    const list = await get<{ items: MarketingSpendView[] }>('/analytics/marketing-spend?from=2025-01&to=2025-12');
    expect(list.items.map((i) => [i.month, i.amountSatang])).toEqual([
      ['2025-02', 50_000],
      ['2025-03', 120_000],
    ]);
    const audit = await rowsOf<{ action: string }>(
      f.t.testDb.database.db,
      sql`select action from audit_log where entity_type = 'marketing_spend' order by at, action`,
    );
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'create', 'create', 'delete', 'update']);
  });
});

describe('GET /analytics/kpis', () => {
  it('gives the period and the previous one of the same length, per currency, as computed by hand', async () => {
    const body = await get<Kpis>('/analytics/kpis?from=2025-03-01&to=2025-03-31');
    expect(body.businessCurrency).toBe('THB');
    expect(body.currencies.map((c) => c.currency)).toEqual(['THB', 'USD']);
    const thb = body.currencies[0];
    expect(thb?.current).toMatchObject({
      from: '2025-03-01',
      to: '2025-03-31',
      customers: 3,
      orders: 3,
      revenueSatang: 1400,
      newCustomers: 1,
      newRevenueSatang: 400,
      returningRevenueSatang: 1000,
      repeatPurchaseRate: 0,
      averageOrderValueSatang: 467,
      purchaseFrequency: 1,
      revenuePerCustomerSatang: 467,
      marketingSpendSatang: 120_000,
      cacSatang: 120_000,
      walletCustomers: 1,
    });
    // A, C and E bought in the previous period; only A came back.
    expect(thb?.current.churnRate).toBeCloseTo(2 / 3, 10);
    expect(thb?.current.shareOfWallet).toBeCloseTo(700 / ((3100 * 31) / (365.25 / 12)), 10);
    expect(thb?.previous).toMatchObject({
      from: '2025-01-29',
      to: '2025-02-28',
      customers: 3,
      orders: 4,
      revenueSatang: 2900,
      newCustomers: 2,
      newRevenueSatang: 2400,
      returningRevenueSatang: 500,
      marketingSpendSatang: 50_000,
      cacSatang: 25_000,
    });
    expect(thb?.previous.repeatPurchaseRate).toBeCloseTo(1 / 3, 10);
    expect(thb?.previous.churnRate).toBeCloseTo(3 / 4, 10);
    expect(body.currencies[1]?.current).toMatchObject({
      customers: 1,
      orders: 1,
      revenueSatang: 1000,
      newCustomers: 1,
    });
  });

  it('filters by source; CAC only for the whole book without a source filter', async () => {
    const pos = await get<Kpis>('/analytics/kpis?from=2025-02-01&to=2025-02-28&source=pos');
    expect(pos.currencies[0]?.current).toMatchObject({ customers: 1, revenueSatang: 100, cacSatang: null });
    const january = await get<Kpis>('/analytics/kpis?from=2025-01-01&to=2025-01-31');
    // No spend entered for January: unknown, not zero.
    expect(january.currencies[0]?.current).toMatchObject({ customers: 4, marketingSpendSatang: null, cacSatang: null });
    const own = await get<Kpis>('/analytics/kpis?from=2025-01-01&to=2025-01-31', salesA.token);
    expect(own.currencies[0]?.current).toMatchObject({ customers: 3, revenueSatang: 3600, cacSatang: null });
    const other = await get<Kpis>('/analytics/kpis?from=2025-01-01&to=2025-01-31', salesB.token);
    expect(other.currencies[0]?.current).toMatchObject({ customers: 1, revenueSatang: 5000 });
  });

  it('refuses a bad or reversed period', async () => {
    const reversed = await f.call(
      'GET',
      '/analytics/kpis?from=2025-03-31&to=2025-03-01',
      f.admin.token,
      undefined,
      'th',
    );
    expect(reversed.status).toBe(400);
    expect((await json<{ code: string; detail: string }>(reversed)).detail).toContain('วันเริ่มอยู่หลังวันสิ้นสุด');
    const bad = await f.call('GET', '/analytics/kpis?from=2025-02-30&to=2025-03-01', f.admin.token);
    expect(await json(bad)).toMatchObject({ code: 'analytics_bad_date' });
    expect((await f.call('GET', '/analytics/kpis?to=2025-03-01', f.admin.token)).status).toBe(400);
  });
});
