import { describe, expect, it } from 'vitest';
import { demoOrders } from './generate-demo-orders.ts';

const DAY = 86_400_000;
const now = new Date('2026-12-01T05:00:00Z');
const customers = Array.from({ length: 2000 }, (_, i) => ({
  id: `c${i}`,
  createdAt: new Date(now.getTime() - 400 * DAY),
  customerType: 'consumer',
}));

function lastOrders(seed: number): Map<string, { count: number; last: number }> {
  const byCustomer = new Map<string, { count: number; last: number }>();
  for (const o of demoOrders(customers, { seed, now })) {
    const seen = byCustomer.get(o.customerId) ?? { count: 0, last: 0 };
    byCustomer.set(o.customerId, { count: seen.count + 1, last: Math.max(seen.last, o.orderedAt.getTime()) });
  }
  return byCustomer;
}

describe('demo orders', () => {
  it('are the same for the same seed and stay within the last year', () => {
    const a = [...demoOrders(customers.slice(0, 200), { seed: 3, now })];
    const b = [...demoOrders(customers.slice(0, 200), { seed: 3, now })];
    expect(b).toEqual(a);
    for (const o of a) {
      expect(o.orderedAt.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(o.orderedAt.getTime()).toBeGreaterThanOrEqual(now.getTime() - 365 * DAY);
    }
  });

  it('let some returning customers lapse months before today, while others keep buying', () => {
    const repeaters = [...lastOrders(11).values()].filter((c) => c.count >= 5);
    const quietFor = (c: { last: number }) => (now.getTime() - c.last) / DAY;
    const lapsed = repeaters.filter((c) => quietFor(c) > 120).length;
    const active = repeaters.filter((c) => quietFor(c) < 30).length;
    // Without lapses about one in ten customers with 5+ orders spread over the year happens to
    // be quiet for 120 days; with them, about a third are.
    expect(lapsed / repeaters.length).toBeGreaterThan(0.2);
    expect(active / repeaters.length).toBeGreaterThan(0.3);
  });
});
