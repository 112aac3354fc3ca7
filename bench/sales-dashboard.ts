// The sales dashboard's API on PostgreSQL (issue 5, parts 8–9): GET /sales/kpis (a quarter and
// the one before), GET /sales/forecast (a quarter) and GET /sales/revenue (a year beside the
// one before) with 10,000 deals and 100,000 orders. A throwaway database sampan_bench_<time>
// gets 10,000 customers owned by 10 salespeople, 10,000 deals (a third won, a sixth lost with one
// of five reasons, the rest open on the four open stages, created and closed over two years,
// expected to close over the coming months) and 100,000 paid orders over two years. Each
// endpoint is read sequentially, N times after 5 warm-ups, as an admin (everything) and as one
// salesperson ('own' scope). The database is dropped at the end.
//   npx tsx bench/sales-dashboard.ts [--requests 50] [--deals 10000] [--orders 100000]
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { call, salespeople } from './support/api-call.ts';
import { latencyRow, measure } from './support/latency.ts';
import { benchDatabase } from './support/pg-database.ts';
import { buildServer, machine, setupOwnerAndToken, startAndProbe } from './support/processes.ts';
import {
  DEFAULT_PIPELINE,
  insertCustomers,
  LOST_STAGE,
  OPEN_STAGES,
  WON_STAGE,
  withClient,
} from './support/sales-data.ts';

const SALESPEOPLE = 10;

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '50' },
    deals: { type: 'string', default: '10000' },
    orders: { type: 'string', default: '100000' },
  },
});
const requests = Number(values.requests);
const dealCount = Number(values.deals);
const orderCount = Number(values.orders);

/** Customers, deals and orders in bulk, straight into the tables the dashboard reads. */
async function fill(url: string, owners: string[]): Promise<number> {
  const t0 = performance.now();
  await withClient(url, async (c) => {
    await insertCustomers(c, owners, dealCount);
    // n % 6: 0, 1 → won; 2 → lost; 3, 4, 5 → open. Created up to two years ago, closed 1–120 days later.
    await c.query(
      `insert into deals (customer_id, title, pipeline_id, stage_id, value_satang, currency, owner_id, status,
         lost_reason, won_at, lost_at, expected_close_on, rank, stage_entered_at, created_at, updated_at)
       select c.id, 'ดีลทดสอบ ' || c.n, $1::uuid,
         case when c.n % 6 < 2 then $3::uuid when c.n % 6 = 2 then $4::uuid else ($2::uuid[])[1 + c.n % 4] end,
         (1000 + (c.n * 7919) % 500000) * 100, 'THB', c.owner_id,
         case when c.n % 6 < 2 then 'won' when c.n % 6 = 2 then 'lost' else 'open' end,
         case when c.n % 6 = 2 then (array['ราคาสูง','เลือกคู่แข่ง','ไม่มีงบ','ติดต่อไม่ได้','ยังไม่พร้อม'])[1 + c.n % 5] end,
         case when c.n % 6 < 2 then c.created + (1 + c.n % 120) * interval '1 day' end,
         case when c.n % 6 = 2 then c.created + (1 + c.n % 120) * interval '1 day' end,
         case when c.n % 6 > 2 then (now() + (c.n % 180) * interval '1 day')::date end,
         c.n * 1024, now(), c.created, now()
         from (select id, owner_id, row_number() over (order by created_at) as n,
                      now() - (row_number() over (order by created_at) * 7919 % 730) * interval '1 day' as created
                 from customers) c`,
      [DEFAULT_PIPELINE, OPEN_STAGES, WON_STAGE, LOST_STAGE],
    );
    await c.query(
      `insert into orders (customer_id, source, status, currency, ordered_at, subtotal_satang, vat_satang,
         total_satang, paid_satang, paid_at, content_hash, created_at, updated_at)
       select ids[1 + g % array_length(ids, 1)], 'pos', 'paid', 'THB', t, v, 0, v, v, t, md5(g::text), t, t
         from (select array_agg(id) as ids from customers) cu,
              lateral (select g, now() - (g * 104729 % (730 * 1440)) * interval '1 minute' as t,
                              (5000 + g * 31 % 200000) * 100 as v
                         from generate_series(1::bigint, $1::bigint) g) o`,
      [orderCount],
    );
    await c.query('analyze customers; analyze deals; analyze orders; analyze pipeline_stages; analyze users');
  });
  return performance.now() - t0;
}

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date());
const year = Number(today.slice(0, 4));
const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
const qStart = `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
const qEnd = new Date(Date.UTC(year, quarter * 3, 0)).toISOString().slice(0, 10);
const PATHS = [
  ['kpis (quarter + previous)', `/sales/kpis?from=${qStart}&to=${qEnd}`],
  ['forecast (quarter)', `/sales/forecast?period=${year}-Q${quarter}`],
  ['revenue (year vs last)', `/sales/revenue?year=${year}`],
] as const;

const SERVER = buildServer();
const database = await benchDatabase();
const load = loadavg();
const rows: string[] = [];
let sample = '';
try {
  const server = await startAndProbe(SERVER, ['serve', '--port', '0'], {
    LOG_LEVEL: 'warn',
    DATABASE_URL: database.url,
  });
  try {
    const admin = await setupOwnerAndToken(server.url);
    const sales = await salespeople(server.url, admin, SALESPEOPLE);
    const fillMs = await fill(
      database.url,
      sales.map((s) => s.id),
    );
    console.log(`filled ${dealCount} customers + deals and ${orderCount} orders in ${(fillMs / 1000).toFixed(1)} s`);
    const k = await call(server.url, 'GET', PATHS[0][1], admin);
    const cur = k.body.current as Record<string, unknown>;
    sample = `admin, ${qStart}…${qEnd}: won ${cur.wonCount}, lost ${cur.lostCount}, close rate ${cur.closeRatePct} %, cycle median ${cur.cycleDaysMedian} d, ${cur.orders} orders`;
    const salesToken = (sales[0] as { token: string }).token;
    for (const [label, path] of PATHS) {
      const a = await measure(requests, () => call(server.url, 'GET', path, admin));
      const s = await measure(requests, () => call(server.url, 'GET', path, salesToken));
      rows.push(latencyRow([label, 'admin (all)'], a), latencyRow([label, 'sales (own)'], s));
    }
  } finally {
    await server.stop();
  }
} finally {
  await database.drop();
}

console.log(`\nSales dashboard API — ${new Date().toISOString().slice(0, 10)} — ${machine()}`);
console.log(
  `load average at start ${load.map((l) => l.toFixed(2)).join(' / ')}; after ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')}`,
);
console.log(
  `PostgreSQL, ${dealCount} deals, ${orderCount} paid orders, ${requests} sequential requests after 5 warm-ups`,
);
console.log(`${sample}\n`);
console.log('| endpoint | caller | p50 | p95 | max |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(r);
