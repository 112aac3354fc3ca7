// Issue 6, parts 2 and 5–7: latency of the analytics reports at 100k customers / ~1M orders:
// cohorts, KPIs, co-purchase recommendations, score overview, segment movement and the
// holdout check, plus what recording segment movement adds to a recompute.
// Orders are generated as bench/clv-recompute.ts does (per customer 1 + ⌊−9 ln U⌋ paid
// orders on random days over two years; its generator is inline, so it is repeated here),
// and each order gets 1–3 lines of 200 products whose popularity falls off as U².
//   npx tsx bench/analytics-reports.ts [--customers 100000] [--pglite] [--database-url postgres://…/postgres]
//   [--existing postgres://…/sampan_bench_x]  (reuse a database loaded by an earlier run: no load, no drop)
//   [--live]  (also time also-bought and recommendations counted from the order lines, before the nightly counts)
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { systemActor } from '../src/core/auth/principal.ts';
import { migrateDatabase } from '../src/core/db/migrate.ts';
import { openDatabase } from '../src/core/db/open-database.ts';
import { rowsOf } from '../src/core/db/rows-of.ts';
import { computeAssociations } from '../src/modules/analytics/compute-associations.ts';
import { getAlsoBought } from '../src/modules/analytics/get-also-bought.ts';
import { getCohorts } from '../src/modules/analytics/get-cohorts.ts';
import { getHoldoutCheck } from '../src/modules/analytics/get-holdout-check.ts';
import { getKpis } from '../src/modules/analytics/get-kpis.ts';
import { getRecommendations } from '../src/modules/analytics/get-recommendations.ts';
import { getScoreOverview } from '../src/modules/analytics/get-score-overview.ts';
import { getSegmentMovement } from '../src/modules/analytics/get-segment-movement.ts';
import { recordTransitions } from '../src/modules/analytics/record-transitions.ts';
import { createRun } from '../src/modules/analytics/request-recompute.ts';
import { runRecompute } from '../src/modules/analytics/run-recompute.ts';
import { NEXT_SCORES } from '../src/modules/analytics/stage-scores.ts';
import { BENCH_PG_URL, benchDatabase } from './support/pg-database.ts';
import { machine } from './support/processes.ts';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '100000' },
    pglite: { type: 'boolean', default: false },
    'database-url': { type: 'string', default: BENCH_PG_URL },
    existing: { type: 'string' },
    live: { type: 'boolean', default: false },
  },
});
const n = Number(values.customers);
const s = (from: number) => ((performance.now() - from) / 1000).toFixed(1);
const actor = systemActor('cli');

/** First (cold) and median of three more (warm) timings, in ms. */
async function timed(label: string, f: () => Promise<unknown>): Promise<void> {
  let t = performance.now();
  await f();
  const cold = performance.now() - t;
  const warm: number[] = [];
  for (let i = 0; i < 3; i++) {
    t = performance.now();
    await f();
    warm.push(performance.now() - t);
  }
  warm.sort((a, b) => a - b);
  console.log(`| ${label} | ${cold.toFixed(0)} | ${(warm[1] as number).toFixed(0)} |`);
}

const existing = values.existing;
const pgBench = values.pglite || existing ? undefined : await benchDatabase(values['database-url']);
const dir = values.pglite ? mkdtempSync(join(tmpdir(), 'sampan-bench-reports-')) : undefined;
const database = await openDatabase(
  existing
    ? { databaseUrl: existing, poolMax: 2 }
    : pgBench
      ? { databaseUrl: pgBench.url, poolMax: 2 }
      : { dataDir: join(dir ?? '', 'data') },
);
try {
  console.log(`# Analytics reports, ${n.toLocaleString('en')} customers on ${database.kind}`);
  console.log(
    `machine: ${machine()}; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  await migrateDatabase(database);
  const db = database.db;
  let t = performance.now();
  if (!existing) {
    for (let from = 1; from <= n; from += 100_000) {
      const to = Math.min(n, from + 99_999);
      await db.execute(
        sql`insert into customers (display_name) select 'ลูกค้า ' || g from generate_series(${from}::int, ${to}::int) g`,
      );
    }
    await db.execute(sql`
    insert into orders (customer_id, source, status, currency, ordered_at, subtotal_satang, vat_satang, total_satang,
      paid_satang, content_hash)
    select c.id, case when random() < 0.3 then 'web' else 'pos' end, 'paid', 'THB',
      timestamptz '2024-12-01 03:00+00' + (random() * 730) * interval '1 day', a, 0, a, a, 'x'
    from customers c
    cross join lateral generate_series(1, 1 + floor(-ln(1 - random()) * 9)::int + (c.id is null)::int) k
    cross join lateral (select (10000 + floor(random() * 90000))::bigint as a) amount`);
    await db.execute(sql`
    insert into products (sku, name_th, unit_price_satang, currency)
    select 'P' || lpad(g::text, 3, '0'), 'สินค้า ' || g, 10000, 'THB' from generate_series(1, 200) g`);
    await db.execute(sql`
    insert into order_lines (order_id, line_no, product_id, sku, name, quantity, unit_price_satang, vat_mode, vat_rate_bp,
      net_satang, vat_satang, gross_satang)
    select o.id, k, p.id, p.sku, p.name_th, 1, 10000, 'included', 700, 10000, 0, 10000
    from orders o
    cross join lateral generate_series(1, 1 + floor(random() * 3)::int + (o.id is null)::int) k
    cross join lateral (select 'P' || lpad((1 + floor(200 * power(random(), 2)) + k * 0)::int::text, 3, '0') as sku) pick
    join products p on p.sku = pick.sku`);
    for (const table of ['customers', 'orders', 'order_lines', 'products'])
      await db.execute(sql.raw(`analyze ${table}`));
    const [count] = await rowsOf<{ orders: number; lines: number }>(
      db,
      sql`select (select count(*)::int from orders) as orders, (select count(*)::int from order_lines) as lines`,
    );
    console.log(
      `loaded ${n.toLocaleString('en')} customers, ${Number(count?.orders).toLocaleString('en')} orders, ` +
        `${Number(count?.lines).toLocaleString('en')} order lines in ${s(t)} s`,
    );
  }
  t = performance.now();
  const run = await createRun(db, { calibrationEnd: '2026-11-30', timeUnit: 'week' }, 'cli', null);
  const done = await runRecompute(db, run.id);
  console.log(`recompute (with segment movement recorded): ${s(t)} s, ${done.status}, scored ${done.scored}`);
  t = performance.now();
  await db
    .transaction(async (tx) => {
      const [fake] = await rowsOf<{ id: string }>(
        tx,
        sql`insert into score_runs (status, trigger, calibration_end, time_unit) values ('running', 'cli', '2026-11-30', 'week')
            returning id::text`,
      );
      // The stored scores written again as if a new run had computed them (stage-scores.ts).
      await tx.execute(sql`create table ${sql.identifier(NEXT_SCORES)} as select * from customer_scores`);
      await recordTransitions(tx, fake?.id as string);
      throw new Error('rollback');
    })
    .catch(() => undefined);
  console.log(`  of which recording movement and sizes (stored vs new scores, count, insert): ${s(t)} s`);

  const [some] = await rowsOf<{ ids: string[] }>(
    db,
    sql`select array_agg(id::text) as ids from (select id from customers order by random() limit 5) c`,
  );
  const popular = (await rowsOf<{ id: string }>(db, sql`select id::text from products where sku = 'P001'`))[0]?.id;
  const middling = (await rowsOf<{ id: string }>(db, sql`select id::text from products where sku = 'P100'`))[0]?.id;
  console.log('\n| report | first (ms) | median of 3 more (ms) |\n|---|---|---|');
  await timed('cohorts, 12 months', () => getCohorts(db, actor, { from: '2025-12', to: '2026-11' }));
  await timed('cohorts, 24 months, source web', () =>
    getCohorts(db, actor, { from: '2024-12', to: '2026-11', source: 'web' }),
  );
  await timed('KPIs, 30 days (+ previous, + the one before for churn)', () =>
    getKpis(db, actor, { from: '2026-11-01', to: '2026-11-30' }),
  );
  await timed('KPIs, 365 days', () => getKpis(db, actor, { from: '2025-12-01', to: '2026-11-30' }));
  const products = async (label: string) => {
    await timed(`also-bought, most popular product (${label})`, () => getAlsoBought(db, actor, popular as string));
    await timed(`also-bought, 100th product (${label})`, () => getAlsoBought(db, actor, middling as string));
    for (const [i, id] of (some?.ids ?? []).slice(0, 3).entries()) {
      await timed(`recommendations, random customer ${i + 1} (${label})`, () => getRecommendations(db, actor, id));
    }
  };
  await db.execute(sql`delete from product_associations`);
  if (values.live) await products('counted live');
  t = performance.now();
  const pairs = await computeAssociations(db);
  console.log(
    `| nightly co-purchase count (${pairs.toLocaleString('en')} pairs), once | ${(performance.now() - t).toFixed(0)} | |`,
  );
  await products('nightly counts');
  await timed('score overview (grid, histogram, top 20, P(alive) map)', () => getScoreOverview(db, actor, {}));
  await timed('segment movement + size history', () => getSegmentMovement(db, actor));
  t = performance.now();
  const check = await getHoldoutCheck(db, actor, { calibrationEnd: '2026-05-31' });
  console.log(
    `\nholdout check (two summaries + one BG/NBD fit): ${s(t)} s; predicted ${check.predictedTotal.toFixed(0)} vs actual ${check.actualTotal}`,
  );
  console.log(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
} finally {
  await database.close();
  await pgBench?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
