import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { systemActor } from '../../core/auth/principal.ts';
import { loadDemo } from './load-demo.ts';

let t: TestDatabase;
const now = new Date('2026-12-01T05:00:00Z');

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.cleanup());

const one = async <T>(query: string): Promise<T> => (await t.database.query<T>(query))[0] as T;

describe('demo orders', () => {
  it('adds a year of orders with seasonal peaks, open orders and refunds, and nothing twice', async () => {
    const first = await loadDemo(t.database.db, systemActor('cli'), { customers: 300, seed: 7, now });
    expect(first.orders.products).toBe(13);
    expect(first.orders.added).toBeGreaterThan(300);
    const stats = await one<{
      n: number;
      buyers: number;
      repeaters: number;
      bad: number;
      refunded: number;
      open: number;
    }>(`
      select count(*)::int as n, count(distinct customer_id)::int as buyers,
        (select count(*)::int from (select customer_id from orders group by 1 having count(*) > 1) r) as repeaters,
        count(*) filter (where total_satang <> (select sum(gross_satang) from order_lines l where l.order_id = o.id))::int as bad,
        count(*) filter (where status in ('refunded', 'partially_refunded'))::int as refunded,
        count(*) filter (where status in ('pending', 'paid'))::int as open
      from orders o`);
    expect(stats.n).toBe(first.orders.added);
    expect(stats.bad).toBe(0);
    expect(stats.buyers).toBeLessThan(300);
    expect(stats.repeaters).toBeGreaterThan(stats.buyers / 3);
    expect(stats.refunded).toBeGreaterThan(0);
    // Songkran week sells more than the weeks around it.
    const season = await one<{ songkran: number; around: number }>(`
      select count(*) filter (where d between '2026-04-10' and '2026-04-16')::int as songkran,
        count(*) filter (where d between '2026-03-27' and '2026-04-09' or d between '2026-04-17' and '2026-04-30')::int / 4.0 as around
      from (select (ordered_at at time zone 'Asia/Bangkok')::date as d from orders) o`);
    expect(Number(season.songkran)).toBeGreaterThan(1.5 * Number(season.around));
    // Every order is on its customer's timeline.
    const timeline = await one<{ n: number }>(
      `select count(*)::int as n from activities where kind = 'order' and ref_type = 'order'`,
    );
    expect(timeline.n).toBe(stats.n);
    const again = await loadDemo(t.database.db, systemActor('cli'), { customers: 300, seed: 7, now });
    expect(again.orders.added).toBe(0);
    expect((await one<{ n: number }>('select count(*)::int as n from orders')).n).toBe(stats.n);
  });
});
