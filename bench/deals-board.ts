// GET /api/v1/pipelines/{id}/board with 10,000 open deals on PostgreSQL (issue 5, goal < 300 ms).
// A throwaway database sampan_bench_board_<pid> gets 10,000 customers and 10,000 open deals
// spread over the four open stages of the seeded "Sales / การขาย" pipeline, owned by 10
// salespeople (each also owns the customers of their deals). The board (20 cards per stage)
// is then read sequentially, N times after 5 warm-up reads, as an admin (sees all 10,000)
// and as one salesperson with 'own' scope (sees their ~1,000). The database is dropped at the end.
//   npx tsx bench/deals-board.ts [--requests 50] [--deals 10000]
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { BENCH_PG_URL } from './support/pg-database.ts';
import { buildServer, machine, setupOwnerAndToken, startAndProbe } from './support/processes.ts';

const PIPELINE = '00000000-0000-4000-8000-00000000d001';
const OPEN_STAGES = [
  '00000000-0000-4000-8000-00000000d101',
  '00000000-0000-4000-8000-00000000d102',
  '00000000-0000-4000-8000-00000000d103',
  '00000000-0000-4000-8000-00000000d104',
];
const SALESPEOPLE = 10;

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '50' },
    deals: { type: 'string', default: '10000' },
  },
});
const requests = Number(values.requests);
const dealCount = Number(values.deals);

const name = `sampan_bench_board_${process.pid}`;
const url = new URL(BENCH_PG_URL);
url.pathname = `/${name}`;

async function onServer(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: BENCH_PG_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function call(base: string, method: string, path: string, token: string | null, body?: unknown, cookie = '') {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(cookie ? { cookie } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return { res, body: (await res.json()) as Record<string, unknown> };
}

/** A salesperson made by the admin, signed in, with an API token acting as them. */
async function salesToken(base: string, adminToken: string, i: number): Promise<{ id: string; token: string }> {
  const email = `sales${i}@bench.example`;
  const password = 'bench-password';
  const user = await call(base, 'POST', '/users', adminToken, { email, name: `Sales ${i}`, password, role: 'sales' });
  const login = await call(base, 'POST', '/auth/login', null, { email, password });
  const cookie = /sampan_session=[^;]+/.exec(login.res.headers.get('set-cookie') ?? '')?.[0] ?? '';
  const res = await fetch(`${base}/api/v1/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': String(login.body.csrfToken) },
    body: JSON.stringify({ name: 'bench', role: 'sales' }),
  });
  if (!res.ok) throw new Error(`token: ${res.status} ${await res.text()}`);
  return { id: String(user.body.id), token: ((await res.json()) as { token: string }).token };
}

/** Customers and open deals in bulk, straight into the tables (what the board reads). */
async function fill(owners: string[]): Promise<number> {
  const c = new pg.Client({ connectionString: url.toString() });
  await c.connect();
  const t0 = performance.now();
  try {
    await c.query(
      `insert into customers (id, display_name, owner_id, created_at)
       select gen_random_uuid(), 'ลูกค้าทดสอบ ' || g, ($1::uuid[])[1 + g % $2], now() - g * interval '1 minute'
         from generate_series(1, $3) g`,
      [owners, owners.length, dealCount],
    );
    await c.query(
      `insert into deals (customer_id, title, pipeline_id, stage_id, value_satang, currency, owner_id, status, rank,
         stage_entered_at, created_at, updated_at)
       select c.id, 'ดีลทดสอบ ' || c.n, $1::uuid, ($2::uuid[])[1 + c.n % 4], (1000 + (c.n * 7919) % 500000) * 100, 'THB',
         c.owner_id, 'open', c.n * 1024, now() - (c.n % 90) * interval '1 day', now(), now()
         from (select id, owner_id, row_number() over (order by created_at) as n from customers) c`,
      [PIPELINE, OPEN_STAGES],
    );
    await c.query('analyze customers; analyze deals; analyze pipeline_stages; analyze users');
    // Which plan a column's first cards get (the partial index deals_board_idx should serve it).
    const plan = await c.query(
      `explain (analyze, costs off) select d.id from deals d where d.stage_id = $1 and d.status = 'open'
        order by d.rank, d.id limit 21`,
      [OPEN_STAGES[0]],
    );
    console.log(plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
  } finally {
    await c.end();
  }
  return performance.now() - t0;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function timeBoard(
  base: string,
  token: string,
): Promise<{ p50: number; p95: number; max: number; seen: number }> {
  const path = `/pipelines/${PIPELINE}/board?perStage=20`;
  let seen = 0;
  for (let i = 0; i < 5; i++) await call(base, 'GET', path, token);
  const times: number[] = [];
  for (let i = 0; i < requests; i++) {
    const t0 = performance.now();
    const { body } = await call(base, 'GET', path, token);
    times.push(performance.now() - t0);
    seen = (body.columns as { count: number }[]).reduce((n, col) => n + col.count, 0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1] ?? 0, seen };
}

const SERVER = buildServer();
await onServer(`create database ${name}`);
const load = loadavg();
let rows: string[] = [];
try {
  const server = await startAndProbe(SERVER, ['serve', '--port', '0'], {
    LOG_LEVEL: 'warn',
    DATABASE_URL: url.toString(),
  });
  try {
    const admin = await setupOwnerAndToken(server.url);
    const sales = [];
    for (let i = 0; i < SALESPEOPLE; i++) sales.push(await salesToken(server.url, admin, i));
    const fillMs = await fill(sales.map((s) => s.id));
    console.log(`filled ${dealCount} customers + open deals in ${(fillMs / 1000).toFixed(1)} s`);
    const asAdmin = await timeBoard(server.url, admin);
    const asSales = await timeBoard(server.url, (sales[0] as { token: string }).token);
    rows = [
      `| admin (all) | ${asAdmin.seen} | ${asAdmin.p50.toFixed(0)} ms | ${asAdmin.p95.toFixed(0)} ms | ${asAdmin.max.toFixed(0)} ms |`,
      `| sales (own scope) | ${asSales.seen} | ${asSales.p50.toFixed(0)} ms | ${asSales.p95.toFixed(0)} ms | ${asSales.max.toFixed(0)} ms |`,
    ];
  } finally {
    await server.stop();
  }
} finally {
  await onServer(`drop database if exists ${name} with (force)`);
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
