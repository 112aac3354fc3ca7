import { DEMO_PRODUCTS } from './demo-catalogue.ts';
import { Random } from './random.ts';

const DAY = 86_400_000;

export interface DemoOrderCustomer {
  id: string;
  createdAt: Date;
  customerType: string;
}

export interface DemoOrderLine {
  sku: string;
  quantity: number;
}

export interface DemoOrder {
  customerId: string;
  externalId: string;
  source: 'pos' | 'web' | 'line';
  orderedAt: Date;
  status: 'paid' | 'fulfilled' | 'pending';
  lines: DemoOrderLine[];
  /** Part of the order's total given back (0 = none, 1 = all). */
  refundShare: number;
}

/** Busier days: Songkran (13–15 April and the days around), Valentine's, and the year end. */
export function seasonWeight(at: Date): number {
  const month = at.getUTCMonth() + 1;
  const day = at.getUTCDate();
  if (month === 4 && day >= 10 && day <= 16) return 3;
  if (month === 2 && day >= 12 && day <= 14) return 2;
  if (month === 12 && day >= 15) return 2.5;
  if (month === 1 && day === 1) return 2;
  return 1;
}

function orderDate(random: Random, from: number, to: number): Date {
  // Rejection sampling: a day is kept in proportion to its season weight (max 3).
  for (;;) {
    const at = new Date(from + random.float() * (to - from));
    if (random.float() * 3 < seasonWeight(at)) return at;
  }
}

function linesFor(random: Random, at: Date, business: boolean): DemoOrderLine[] {
  const everyday = DEMO_PRODUCTS.filter((p) => p.weight > 0).map((p) => [p.sku, p.weight] as const);
  const lines = new Map<string, number>();
  const count = random.weighted([
    [1, 5],
    [2, 3],
    [3, 2],
  ] as const);
  for (let i = 0; i < count; i += 1) {
    const sku = random.weighted(everyday);
    lines.set(sku, (lines.get(sku) ?? 0) + (business ? random.int(5, 30) : random.int(1, 2)));
  }
  const month = at.getUTCMonth() + 1;
  if (month === 4 && seasonWeight(at) > 1 && random.chance(0.35)) lines.set('GIFT-SONGKRAN', random.int(1, 3));
  if ((month === 12 || month === 1) && seasonWeight(at) > 1 && random.chance(0.3)) lines.set('GIFT-NEWYEAR', 1);
  if (business && random.chance(0.2)) lines.set('SVC-CATERING', random.int(2, 6));
  return [...lines].map(([sku, quantity]) => ({ sku, quantity }));
}

/**
 * A year of orders for the demo customers, the same for the same seed: about a third
 * never buy (prospects), a third buy once, the rest come back (some weekly regulars) and
 * a good part of those stop coming some months before today,
 * with peaks at Songkran and the year end, a few open orders in the last days, and about
 * one order in 40 refunded in full or in part.
 */
export function* demoOrders(
  customers: readonly DemoOrderCustomer[],
  options: { seed: number; now: Date },
): Generator<DemoOrder> {
  const random = new Random(options.seed ^ 0x5eed);
  const now = options.now.getTime();
  const yearAgo = now - 365 * DAY;
  let n = 0;
  for (const c of customers) {
    const from = Math.max(c.createdAt.getTime(), yearAgo);
    if (from >= now - DAY) continue;
    const kind = random.weighted([
      ['prospect', 30],
      ['once', 32],
      ['repeat', 30],
      ['regular', 8],
    ] as const);
    if (kind === 'prospect') continue;
    const count = kind === 'once' ? 1 : kind === 'repeat' ? random.int(2, 8) : random.int(12, 40);
    const business = c.customerType !== 'consumer';
    // Some returning customers drift away: they stop buying part-way through the year, so the
    // analytics have lapsed customers to find (without them the BG/NBD fit sees no dropout).
    const lapses = kind !== 'once' && random.chance(kind === 'regular' ? 0.2 : 0.45);
    const until = lapses ? from + (now - from) * (0.25 + 0.5 * random.float()) : now;
    const dates = Array.from({ length: count }, () => orderDate(random, from, until)).sort(
      (a, b) => a.getTime() - b.getTime(),
    );
    for (const at of dates) {
      n += 1;
      const recent = now - at.getTime() < 3 * DAY;
      const refunded = !recent && random.chance(0.025);
      yield {
        customerId: c.id,
        externalId: `DEMO-${options.seed}-${String(n).padStart(7, '0')}`,
        source: random.weighted([
          ['pos', 70],
          ['web', 20],
          ['line', 10],
        ] as const),
        orderedAt: at,
        status: recent ? random.pick(['pending', 'paid'] as const) : 'fulfilled',
        lines: linesFor(random, at, business),
        refundShare: refunded ? random.pick([1, 0.5]) : 0,
      };
    }
  }
}
