// GET /api/v1/pipelines/{id}/board with 10,000 open deals on PostgreSQL (issue 5, goal < 300 ms).
// A throwaway database sampan_bench_<time> gets 10,000 customers and 10,000 open deals
// spread over the four open stages of the seeded "Sales / การขาย" pipeline, owned by 10
// salespeople (each also owns the customers of their deals). The board (20 cards per stage)
// is then read sequentially, N times after 5 warm-up reads, as an admin (sees all 10,000)
// and as one salesperson with 'own' scope (sees their ~1,000). The database is dropped at the end.
//   npx tsx bench/deals-board.ts [--requests 50] [--deals 10000]
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { call, salespeople } from './support/api-call.ts';
import { latencyRow, measure } from './support/latency.ts';
import { benchDatabase } from './support/pg-database.ts';
import { buildServer, machine, setupOwnerAndToken, startAndProbe } from './support/processes.ts';
import { DEFAULT_PIPELINE, insertCustomers, OPEN_STAGES, withClient } from './support/sales-data.ts';

const SALESPEOPLE = 10;

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '50' },
    deals: { type: 'string', default: '10000' },
  },
});
const requests = Number(values.requests);
const dealCount = Number(values.deals);

/** Customers and open deals in bulk, straight into the tables (what the board reads). */
async function fill(url: string, owners: string[]): Promise<number> {
  const t0 = performance.now();
  await withClient(url, async (c) => {
    await insertCustomers(c, owners, dealCount);
    await c.query(
      `insert into deals (customer_id, title, pipeline_id, stage_id, value_satang, currency, owner_id, status, rank,
         stage_entered_at, created_at, updated_at)
       select c.id, 'ดีลทดสอบ ' || c.n, $1::uuid, ($2::uuid[])[1 + c.n % 4], (1000 + (c.n * 7919) % 500000) * 100, 'THB',
         c.owner_id, 'open', c.n * 1024, now() - (c.n % 90) * interval '1 day', now(), now()
         from (select id, owner_id, row_number() over (order by created_at) as n from customers) c`,
      [DEFAULT_PIPELINE, OPEN_STAGES],
    );
    await c.query('analyze customers; analyze deals; analyze pipeline_stages; analyze users');
    // Which plan a column's first cards get (the partial index deals_board_idx should serve it).
    const plan = await c.query(
      `explain (analyze, costs off) select d.id from deals d where d.stage_id = $1 and d.status = 'open'
        order by d.rank, d.id limit 21`,
      [OPEN_STAGES[0]],
    );
    console.log(plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
  });
  return performance.now() - t0;
}

/** The board read N times; `seen` is how many deals its columns count for this caller. */
async function timeBoard(base: string, token: string) {
  const path = `/pipelines/${DEFAULT_PIPELINE}/board?perStage=20`;
  const l = await measure(requests, () => call(base, 'GET', path, token));
  const seen = ((l.last?.body.columns ?? []) as { count: number }[]).reduce((n, col) => n + col.count, 0);
  return { ...l, seen };
}

const SERVER = buildServer();
const database = await benchDatabase();
const load = loadavg();
let rows: string[] = [];
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
    console.log(`filled ${dealCount} customers + open deals in ${(fillMs / 1000).toFixed(1)} s`);
    const asAdmin = await timeBoard(server.url, admin);
    const asSales = await timeBoard(server.url, (sales[0] as { token: string }).token);
    rows = [
      latencyRow(['admin (all)', asAdmin.seen], asAdmin),
      latencyRow(['sales (own scope)', asSales.seen], asSales),
    ];
  } finally {
    await server.stop();
  }
} finally {
  await database.drop();
}

console.log(`\nGET /pipelines/{id}/board — ${new Date().toISOString().slice(0, 10)} — ${machine()}`);
console.log(
  `load average at start ${load.map((l) => l.toFixed(2)).join(' / ')}; after ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')}`,
);
console.log(
  `PostgreSQL, ${dealCount} open deals on 4 stages, 20 cards per stage, ${requests} sequential requests after 5 warm-ups\n`,
);
console.log('| caller | deals on the board | p50 | p95 | max |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(r);
