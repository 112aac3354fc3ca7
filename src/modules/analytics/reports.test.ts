import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../core/db/rows-of.ts';
import { computeAssociations } from './compute-associations.ts';
import type { AlsoBought } from './get-also-bought.ts';
import type { HoldoutCheck } from './get-holdout-check.ts';
import type { Recommendations } from './get-recommendations.ts';
import type { ScoreOverview } from './get-score-overview.ts';
import type { SegmentMovement } from './get-segment-movement.ts';
import { createRun } from './request-recompute.ts';
import { runRecompute } from './run-recompute.ts';
import { type AnalyticsFixture, createAnalyticsFixture } from './testing/fixture.ts';

let f: AnalyticsFixture;
let salesA: { userId: string; token: string };
let salesB: { userId: string; token: string };
const c: string[] = [];
const p: Record<string, string> = {};
let seq = 0;

const json = async <T>(res: Response) => (await res.json()) as T;
const get = async <T>(path: string, token = f.admin.token) => {
  const res = await f.call('GET', path, token);
  expect(res.status, await res.clone().text()).toBe(200);
  return json<T>(res);
};
const day = (n: number) => new Date(Date.UTC(2025, 0, 1, 5) + n * 86_400_000).toISOString();
const db = () => f.t.testDb.database.db;

/** A paid order with one line per product (100 satang each). */
async function order(customer: string, at: string, products: string[], total = 10_000) {
  seq += 1;
  const [o] = await rowsOf<{ id: string }>(
    db(),
    sql`insert into orders (customer_id, source, external_id, status, currency, ordered_at, subtotal_satang, vat_satang,
          total_satang, paid_satang, refunded_satang, content_hash)
        values (${customer}, 'manual', ${`r-${seq}`}, 'paid', 'THB', ${at}::timestamptz, ${total}, 0, ${total}, ${total}, 0,
          ${`rh-${seq}`}) returning id::text`,
  );
  for (const [i, sku] of products.entries()) {
    await db().execute(
      sql`insert into order_lines (order_id, line_no, product_id, sku, name, quantity, unit_price_satang, vat_mode,
            vat_rate_bp, net_satang, vat_satang, gross_satang)
          values (${o?.id}, ${i + 1}, ${p[sku]}, ${sku}, ${sku}, 1, 100, 'included', 700, 100, 0, 100)`,
    );
  }
}

beforeAll(async () => {
  f = await createAnalyticsFixture();
  salesA = await f.t.userWithToken('sales');
  salesB = await f.t.userWithToken('sales');
  for (const [sku, active] of [
    ['P1', true],
    ['P2', true],
    ['P3', true],
    ['P4', true],
    ['P5', true],
    ['P6', false],
  ] as const) {
    const [row] = await rowsOf<{ id: string }>(
      db(),
      sql`insert into products (sku, name_th, name_en, unit_price_satang, currency, active)
          values (${sku}, ${`สินค้า ${sku}`}, ${`Product ${sku}`}, 100, 'THB', ${active}) returning id::text`,
    );
    p[sku] = row?.id as string;
  }
  for (let i = 0; i < 30; i++) c.push(await f.customer(`ลูกค้า ${i}`, i === 7 ? salesB.userId : salesA.userId));
  // Product baskets (customer level): c0 {P1,P2,P6}, c1 {P1,P2,P6}, c2 {P1,P2,P3}, c3 {P1,P3}, c4 {P3,P4}, c5 {P4}, c6 {P1}.
  await order(c[0] as string, day(1), ['P1', 'P2', 'P6']);
  await order(c[1] as string, day(2), ['P1']);
  await order(c[1] as string, day(40), ['P2', 'P6']);
  await order(c[2] as string, day(3), ['P1', 'P2']);
  await order(c[2] as string, day(50), ['P3']);
  await order(c[3] as string, day(4), ['P1', 'P3']);
  await order(c[4] as string, day(5), ['P3', 'P4']);
  await order(c[5] as string, day(6), ['P4']);
  await order(c[6] as string, day(7), ['P1']);
  // Customers 8–29 buy without product lines, most of them again, so the models can be fitted.
  for (let i = 8; i < 30; i++) {
    await order(c[i] as string, day(i), [], 5_000 + 300 * i);
    if (i < 24) await order(c[i] as string, day(i + 15 + (i % 6) * 9), [], 2_000 + 700 * (i % 5));
    if (i % 3 === 0) await order(c[i] as string, day(i + 90 + (i % 4) * 11), [], 1_500 + 400 * (i % 7));
  }
});
afterAll(() => f.t.close());

describe('recommendations', () => {
  it('also-bought: support, confidence and lift over customers, strongest lift first, active products only', async () => {
    const body = await get<AlsoBought>(`/products/${p.P1}/also-bought`);
    expect(body.product.sku).toBe('P1');
    expect(body.minCustomers).toBe(2);
    // 7 customers bought products; 5 bought P1, 3 bought P2 (3 of them with P1), 3 bought P3 (2 with P1).
    expect(body.items.map((i) => i.sku)).toEqual(['P2', 'P3']);
    const [p2, p3] = body.items;
    expect(p2).toMatchObject({ customers: 3, nameTh: 'สินค้า P2', nameEn: 'Product P2' });
    expect(p2?.support).toBeCloseTo(3 / 7, 12);
    expect(p2?.confidence).toBeCloseTo(3 / 5, 12);
    expect(p2?.lift).toBeCloseTo(3 / 5 / (3 / 7), 12);
    expect(p3?.confidence).toBeCloseTo(2 / 5, 12);
    expect(p3?.lift).toBeCloseTo(2 / 5 / (3 / 7), 12);
    expect((await get<AlsoBought>(`/products/${p.P1}/also-bought?limit=1`)).items).toHaveLength(1);
    expect((await get<AlsoBought>(`/products/${p.P5}/also-bought`)).items).toEqual([]);
    expect((await f.call('GET', `/products/${c[0]}/also-bought`, f.admin.token)).status).toBe(404);
    expect((await f.call('GET', `/products/${p.P1}/also-bought?limit=0`, f.admin.token)).status).toBe(400);
  });

  it('per customer: next-best products without what they own, scored by lift × confidence, with the reason', async () => {
    const body = await get<Recommendations>(`/customers/${c[6]}/recommendations`);
    expect(body.basis).toBe('purchases');
    expect(body.items.map((i) => i.sku)).toEqual(['P2', 'P3', 'P4']);
    expect(body.items[0]?.score).toBeCloseTo((3 / 5) * (3 / 5 / (3 / 7)), 12);
    expect(body.items[0]?.reason).toMatchObject({ kind: 'bought_with', product: { sku: 'P1' } });
    expect(body.items[1]?.score).toBeCloseTo((2 / 5) * (2 / 5 / (3 / 7)), 12);
    expect(body.items[2]).toMatchObject({ sku: 'P4', score: 0, reason: { kind: 'best_seller', customers: 2 } });
    // c3 owns P1 and P3: P2 is recommended by both; the stronger reason is kept.
    const c3 = await get<Recommendations>(`/customers/${c[3]}/recommendations`);
    expect(c3.items[0]?.sku).toBe('P2');
    expect(c3.items.map((i) => i.sku)).not.toContain('P1');
  });

  it('falls back to best sellers for a customer without purchases, and respects visibility', async () => {
    const body = await get<Recommendations>(`/customers/${c[7]}/recommendations`);
    expect(body.basis).toBe('best_sellers');
    expect(body.items.map((i) => [i.sku, i.reason.kind])).toEqual([
      ['P1', 'best_seller'],
      ['P2', 'best_seller'],
      ['P3', 'best_seller'],
      ['P4', 'best_seller'],
    ]);
    expect((await f.call('GET', `/customers/${c[7]}/recommendations`, salesA.token)).status).toBe(404);
    expect((await f.call('GET', `/customers/${c[7]}/recommendations`, salesB.token)).status).toBe(200);
  });
  it('the nightly counts (product_associations) give the same answers as counting live', async () => {
    const live = await get<AlsoBought>(`/products/${p.P1}/also-bought`);
    const liveRecs = await get<Recommendations>(`/customers/${c[3]}/recommendations`);
    // P1–P2 (3 customers), P1–P3, P1–P6 and P2–P6 (2 each), both ways; P3–P4 only 1.
    expect(await computeAssociations(db())).toBe(8);
    expect(await get<AlsoBought>(`/products/${p.P1}/also-bought`)).toEqual(live);
    expect(await get<Recommendations>(`/customers/${c[3]}/recommendations`)).toEqual(liveRecs);
  });
});

describe('segment movement', () => {
  let first: string;
  let second: string;
  it('a first run records every customer as newly scored, and the segment sizes', async () => {
    first = (await createRun(db(), { calibrationEnd: '2025-04-30', timeUnit: 'day' }, 'cli', null)).id;
    expect((await runRecompute(db(), first)).status).toBe('succeeded');
    const body = await get<SegmentMovement>('/analytics/segments/movement');
    expect(body.runId).toBe(first);
    expect(body.transitions.every((t) => t.from === null && t.to !== null)).toBe(true);
    const scored = await rowsOf<{ segment: string; n: number; revenue: string }>(
      db(),
      sql`select rfm_segment as segment, count(*)::int as n, sum(total_spend_satang)::text as revenue
          from customer_scores group by 1`,
    );
    const total = scored.reduce((s, r) => s + r.n, 0);
    expect(body.transitions.reduce((s, t) => s + t.customers, 0)).toBe(total);
    expect(body.history).toHaveLength(1);
    for (const r of scored) {
      expect(body.history[0]?.segments.find((s) => s.segment === r.segment)).toMatchObject({
        customers: r.n,
        revenueSatang: Number(r.revenue),
      });
    }
  });

  it('a failed run records nothing; the next run records who moved where, before the scores are replaced', async () => {
    const before = await rowsOf<{ id: string; segment: string }>(
      db(),
      sql`select customer_id::text as id, rfm_segment as segment from customer_scores`,
    );
    const failed = await createRun(db(), { calibrationEnd: '2025-01-10', timeUnit: 'day' }, 'cli', null);
    expect((await runRecompute(db(), failed.id)).status).toBe('failed');
    second = (await createRun(db(), { calibrationEnd: '2025-09-30', timeUnit: 'day' }, 'cli', null)).id;
    expect((await runRecompute(db(), second)).status).toBe('succeeded');
    const after = await rowsOf<{ id: string; segment: string }>(
      db(),
      sql`select customer_id::text as id, rfm_segment as segment from customer_scores`,
    );
    const expected = new Map<string, number>();
    const was = new Map(before.map((b) => [b.id, b.segment]));
    for (const a of after) {
      const key = `${was.get(a.id) ?? ''}>${a.segment}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const body = await get<SegmentMovement>('/analytics/segments/movement');
    expect(body.runId).toBe(second);
    const got = new Map(body.transitions.map((t) => [`${t.from ?? ''}>${t.to ?? ''}`, t.customers]));
    expect(got).toEqual(expected);
    expect(body.history.map((h) => h.runId)).toEqual([first, second]);
    const older = await get<SegmentMovement>(`/analytics/segments/movement?runId=${first}`);
    expect(older.history.map((h) => h.runId)).toEqual([first]);
    const none = await f.call('GET', `/analytics/segments/movement?runId=${failed.id}`, f.admin.token);
    expect(none.status).toBe(404);
    const stored = await rowsOf<{ n: number }>(
      db(),
      sql`select count(*)::int as n from score_run_transitions where run_id = ${failed.id}`,
    );
    expect(stored[0]?.n).toBe(0);
  });

  it('is whole-book: a salesperson is refused; a bad run id is a validation error', async () => {
    expect((await f.call('GET', '/analytics/segments/movement', salesA.token)).status).toBe(403);
    expect((await f.call('GET', '/analytics/segments/movement?runId=nope', f.admin.token)).status).toBe(400);
  });
});

describe('score overview and holdout check', () => {
  it('draws the grid, CLV histogram, top customers and P(alive) map from the visible scores', async () => {
    const all = await get<ScoreOverview>('/analytics/scores/overview');
    expect(all.scored).toBe(29);
    expect(all.grid.reduce((s, g) => s + g.customers, 0)).toBe(29);
    expect(all.clvHistogram).toHaveLength(20);
    expect(all.clvHistogram.reduce((s, b) => s + b.customers, 0)).toBe(29);
    expect(all.topCustomers).toHaveLength(20);
    const clvs = all.topCustomers.map((t) => t.clv12mSatang);
    expect(clvs).toEqual([...clvs].sort((a, b) => b - a));
    expect(all.pAliveMap.reduce((s, h) => s + h.customers, 0)).toBe(29);
    expect(all.run?.params).toHaveProperty('bgnbd');
    const own = await get<ScoreOverview>('/analytics/scores/overview', salesB.token);
    expect(own.scored).toBe(0);
    const segment = all.topCustomers[0]?.segment as string;
    const one = await get<ScoreOverview>(`/analytics/scores/overview?segment=${segment}`);
    expect(one.topCustomers.every((t) => t.segment === segment)).toBe(true);
    expect((await f.call('GET', '/analytics/scores/overview?segment=vip', f.admin.token)).status).toBe(400);
  });

  it('compares predicted with actual holdout purchases by calibration repeat purchases', async () => {
    const body = await get<HoldoutCheck>('/analytics/clv/holdout?calibrationEnd=2025-03-31');
    const [actual] = await rowsOf<{ n: number; customers: number; last: string }>(
      db(),
      sql`with d as (select customer_id, (ordered_at at time zone 'Asia/Bangkok')::date as day from orders group by 1, 2),
               c as (select customer_id from d group by 1 having min(day) <= '2025-03-31')
          select (select count(*)::int from d join c using (customer_id) where day > '2025-03-31') as n,
                 (select to_char(max(day), 'YYYY-MM-DD') from d) as last,
                 (select count(*)::int from c) as customers`,
    );
    expect(body.holdoutEnd).toBe(actual?.last);
    expect(body.actualTotal).toBe(actual?.n);
    expect(body.groups.reduce((s, g) => s + g.customers, 0)).toBe(actual?.customers);
    expect(body.predictedTotal).toBeGreaterThan(0);
    expect(body.fit.bgnbd.r).toBeGreaterThan(0);
    expect((await f.call('GET', '/analytics/clv/holdout', salesA.token)).status).toBe(403);
    const late = await f.call('GET', '/analytics/clv/holdout?calibrationEnd=2025-12-31', f.admin.token);
    expect(await json(late)).toMatchObject({ code: 'analytics_bad_period' });
  });
});

describe('score overview by order source and segment', () => {
  /** An order from a source, on a day of 2025 (n days after 1 January). */
  async function sourced(customer: string, source: string, n: number, status = 'paid') {
    seq += 1;
    await db().execute(
      sql`insert into orders (customer_id, source, external_id, status, currency, ordered_at, subtotal_satang, vat_satang,
            total_satang, paid_satang, refunded_satang, content_hash)
          values (${customer}, ${source}, ${`s-${seq}`}, ${status}, 'THB', ${day(n)}::timestamptz, 4000, 0, 4000,
            ${status === 'cancelled' ? 0 : 4000}, 0, ${`sh-${seq}`})`,
    );
  }
  const ids = (o: ScoreOverview) => o.topCustomers.map((t) => t.customerId).sort();

  it('counts customers, revenue and CLV per segment, as stored, and gives each top customer their purchase periods', async () => {
    const all = await get<ScoreOverview>('/analytics/scores/overview');
    expect(all.source).toBeNull();
    const stored = await rowsOf<{ segment: string; n: number; revenue: string; clv: string }>(
      db(),
      sql`select rfm_segment as segment, count(*)::int as n, sum(total_spend_satang)::text as revenue,
                 sum(clv_12m_satang)::text as clv from customer_scores group by 1`,
    );
    expect(all.segments).toHaveLength(11);
    for (const s of all.segments) {
      const row = stored.find((r) => r.segment === s.segment);
      expect(s).toEqual({
        segment: s.segment,
        customers: row?.n ?? 0,
        revenueSatang: Number(row?.revenue ?? 0),
        clv12mSatang: Number(row?.clv ?? 0),
      });
    }
    const periods = new Map(
      (
        await rowsOf<{ id: string; n: number }>(
          db(),
          sql`select customer_id::text as id, purchase_periods as n from customer_scores`,
        )
      ).map((r) => [r.id, r.n]),
    );
    for (const t of all.topCustomers) expect(t.purchasePeriods).toBe(periods.get(t.customerId));
  });

  it('with a source keeps the customers with a counted order from it up to the calibration end (2025-09-30)', async () => {
    const [c8, c9, c10, c11] = c.slice(8, 12) as [string, string, string, string];
    await sourced(c8, 'pos', 100);
    await sourced(c9, 'pos', 200);
    await sourced(c9, 'pos', 201);
    await sourced(c10, 'web', 300); // 28 October 2025: after the calibration end
    await sourced(c11, 'line', 50, 'cancelled');
    const pos = await get<ScoreOverview>('/analytics/scores/overview?source=pos');
    expect(pos.source).toBe('pos');
    expect(pos.scored).toBe(2);
    expect(ids(pos)).toEqual([c8, c9].sort());
    expect(pos.grid.reduce((s, g) => s + g.customers, 0)).toBe(2);
    expect(pos.segments.reduce((s, g) => s + g.customers, 0)).toBe(2);
    expect(pos.clvHistogram.reduce((s, b) => s + b.customers, 0)).toBe(2);
    expect(pos.pAliveMap.reduce((s, h) => s + h.customers, 0)).toBe(2);
    // Scores stay whole-customer figures, as stored.
    const stored = await rowsOf<{ id: string; clv: number; total: number }>(
      db(),
      sql`select customer_id::text as id, clv_12m_satang as clv, total_spend_satang as total from customer_scores`,
    );
    for (const t of pos.topCustomers) {
      const row = stored.find((r) => r.id === t.customerId);
      expect([t.clv12mSatang, t.totalSpendSatang]).toEqual([Number(row?.clv), Number(row?.total)]);
    }
    expect((await get<ScoreOverview>('/analytics/scores/overview?source=web')).scored).toBe(0);
    expect((await get<ScoreOverview>('/analytics/scores/overview?source=line')).scored).toBe(0);
    const segment = pos.topCustomers[0]?.segment as string;
    const both = await get<ScoreOverview>(`/analytics/scores/overview?source=pos&segment=${segment}`);
    expect(both.topCustomers.every((t) => t.segment === segment)).toBe(true);
    expect(both.scored).toBe(pos.topCustomers.filter((t) => t.segment === segment).length);
  });

  it('keeps visibility with a source, and refuses an unknown source', async () => {
    expect((await get<ScoreOverview>('/analytics/scores/overview?source=pos', salesB.token)).scored).toBe(0);
    expect((await get<ScoreOverview>('/analytics/scores/overview?source=pos', salesA.token)).scored).toBe(2);
    const bad = await f.call('GET', '/analytics/scores/overview?source=shop', f.admin.token);
    expect(bad.status).toBe(400);
  });
});
