import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerSummaries } from './customer-summaries.ts';
import { type AnalyticsFixture, createAnalyticsFixture } from './testing/fixture.ts';

let f: AnalyticsFixture;
let a: string;
let one: string;
let merged: string;
let cancelledOnly: string;
const base = { calibrationEnd: '2026-01-31', timeZone: 'Asia/Bangkok' };

beforeAll(async () => {
  f = await createAnalyticsFixture();
  a = await f.customer('ลูกค้า A');
  one = await f.customer('ซื้อครั้งเดียว');
  merged = await f.customer('ถูกรวมแล้ว');
  cancelledOnly = await f.customer('ยกเลิกอย่างเดียว');
  // Bangkok 2026-01-05 10:00 and 17:00: one purchase day of 150 baht.
  await f.order(a, '2026-01-05T03:00:00Z', 10_000);
  await f.order(a, '2026-01-05T10:00:00Z', 5_000);
  // 17:30 UTC on the 12th is 00:30 on the 13th in Bangkok.
  await f.order(a, '2026-01-12T17:30:00Z', 20_000);
  await f.order(a, '2026-01-14T05:00:00Z', 1_000);
  await f.order(a, '2026-01-20T05:00:00Z', 99_999, 'pending');
  await f.order(a, '2026-01-21T05:00:00Z', 99_999, 'cancelled');
  await f.order(a, '2026-01-22T05:00:00Z', 99_999, 'refunded', 99_999);
  await f.order(a, '2026-01-26T05:00:00Z', 30_000, 'partially_refunded', 10_000);
  // 00:30 on 1 February in Bangkok: after the calibration end.
  await f.order(a, '2026-01-31T17:30:00Z', 7_777);
  await f.order(one, '2026-01-10T05:00:00Z', 4_200, 'fulfilled');
  await f.order(merged, '2026-01-10T05:00:00Z', 4_200);
  await f.order(cancelledOnly, '2026-01-10T05:00:00Z', 4_200, 'cancelled');
  await f.t.testDb.database.db.execute(sql`update customers set status = 'merged' where id = ${merged}`);
});
afterAll(() => f.t.close());

const row = async (options: Partial<Parameters<typeof customerSummaries>[1]> = {}) => {
  const s = await customerSummaries(f.t.testDb.database.db, { ...base, timeUnit: 'day', ...options });
  const at = (id: string) => s.ids.indexOf(id);
  const pick = (id: string) => {
    const i = at(id);
    return {
      x: s.x[i],
      tx: s.tx[i],
      T: s.T[i],
      m: s.m[i],
      periods: s.periods[i],
      orders: s.orders[i],
      total: s.totalSatang[i],
      age: s.ageDays[i],
      recency: s.recencyDays[i],
    };
  };
  return { s, at, pick };
};

describe('customer summaries from orders', () => {
  it('counts paid, fulfilled and partly refunded orders net of refunds, one per business day, up to the calibration end', async () => {
    const { pick } = await row();
    // Days 01-05, 01-13, 01-14, 01-26: x = 3; repeat spend 200 + 10 + 200 baht over 3 periods.
    expect(pick(a)).toEqual({
      x: 3,
      tx: 21,
      T: 26,
      m: 410 / 3,
      periods: 4,
      orders: 5,
      total: 56_000,
      age: 26,
      recency: 5,
    });
  });

  it('measures in weeks when asked, and can collapse a week’s purchases into one', async () => {
    const weeks = (await row({ timeUnit: 'week' })).pick(a);
    expect(weeks).toMatchObject({ x: 3, tx: 3, T: 26 / 7 });
    const collapsed = (await row({ timeUnit: 'week', collapse: 'week' })).pick(a);
    // Weeks of 01-05, 01-12 (the 13th and 14th) and 01-26.
    expect(collapsed).toMatchObject({ x: 2, periods: 3, total: 56_000, m: 205 });
  });

  it('gives a one-time buyer x = 0 and no repeat spend; leaves out merged profiles and cancelled-only buyers', async () => {
    const { s, at, pick } = await row();
    expect(pick(one)).toMatchObject({ x: 0, tx: 0, T: 21, m: 0, total: 4_200 });
    expect(at(merged)).toBe(-1);
    expect(at(cancelledOnly)).toBe(-1);
    expect(s.ids).toHaveLength(2);
  });

  it('is empty before the first purchase', async () => {
    const { s } = await row({ calibrationEnd: '2026-01-04' });
    expect(s.ids).toHaveLength(0);
  });
});
