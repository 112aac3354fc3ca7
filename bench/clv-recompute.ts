// Issue 6: full recompute of every customer's scores from orders: summaries in SQL, both
// fits, scoring, and the scores written back in one transaction (the run as the nightly job
// does it). Orders are generated in SQL: per customer 1 + ⌊−9 ln U⌋ paid orders (mean 10)
// on random days over two years; a customer's orders may share a day.
//   npx tsx bench/clv-recompute.ts [--customers 100000] [--pglite] [--database-url postgres://…/postgres]
//     [--keep] [--reuse sampan_bench_xxx]
// PostgreSQL: a throwaway sampan_bench_* database (kept with --keep; --reuse runs again on a
// kept one without generating); PGlite: a temporary directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { migrateDatabase } from '../src/core/db/migrate.ts';
import { openDatabase } from '../src/core/db/open-database.ts';
import { rowsOf } from '../src/core/db/rows-of.ts';
import { customerSummaries } from '../src/modules/analytics/customer-summaries.ts';
import { fitModels } from '../src/modules/analytics/fit-models.ts';
import { createRun } from '../src/modules/analytics/request-recompute.ts';
import { runRecompute } from '../src/modules/analytics/run-recompute.ts';
import { DEFAULT_SCORE_OPTIONS, scoreCustomers } from '../src/modules/analytics/score-customers.ts';
import { BENCH_PG_URL, benchDatabase, existingDatabase } from './support/pg-database.ts';
import { machine } from './support/processes.ts';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '100000' },
    pglite: { type: 'boolean', default: false },
    'database-url': { type: 'string', default: BENCH_PG_URL },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
  },
});
const n = Number(values.customers);
const s = (from: number) => ((performance.now() - from) / 1000).toFixed(1);

const pgBench = values.pglite
  ? undefined
  : values.reuse
    ? existingDatabase(values['database-url'], values.reuse)
    : await benchDatabase(values['database-url']);
const dir = values.pglite ? mkdtempSync(join(tmpdir(), 'sampan-bench-clv-')) : undefined;
const database = await openDatabase(
  pgBench ? { databaseUrl: pgBench.url, poolMax: 2 } : { dataDir: join(dir ?? '', 'data') },
);
try {
  console.log(`# Full score recompute, ${n.toLocaleString('en')} customers on ${database.kind}`);
  console.log(
    `machine: ${machine()}; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  await migrateDatabase(database);
  const db = database.db;
  let t = performance.now();
  if (!values.reuse) await generate();
  async function generate() {
    for (let from = 1; from <= n; from += 100_000) {
      const to = Math.min(n, from + 99_999);
      await db.execute(
        sql`insert into customers (display_name) select 'ลูกค้า ' || g from generate_series(${from}::int, ${to}::int) g`,
      );
    }
    await db.execute(sql`
    insert into orders (customer_id, source, status, currency, ordered_at, subtotal_satang, vat_satang, total_satang,
      paid_satang, content_hash)
    select c.id, 'pos', 'paid', 'THB', timestamptz '2024-12-01 03:00+00' + (random() * 730) * interval '1 day', a, 0, a, a, 'x'
    from customers c
    cross join lateral generate_series(1, 1 + floor(-ln(1 - random()) * 9)::int + (c.id is null)::int) k
    cross join lateral (select (10000 + floor(random() * 90000))::bigint as a) amount`);
    await db.execute(sql`analyze customers`);
    await db.execute(sql`analyze orders`);
  }
  const [count] = await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from orders`);
  console.log(
    `loaded ${n.toLocaleString('en')} customers, ${Number(count?.n).toLocaleString('en')} orders in ${s(t)} s`,
  );

  t = performance.now();
  const summaries = await customerSummaries(db, {
    calibrationEnd: '2026-11-30',
    timeUnit: 'week',
    timeZone: 'Asia/Bangkok',
  });
  console.log(
    `summaries alone (one SQL query into arrays): ${s(t)} s for ${summaries.ids.length.toLocaleString('en')} customers`,
  );

  t = performance.now();
  const run = await createRun(db, { calibrationEnd: '2026-11-30', timeUnit: 'week' }, 'cli', null);
  // The run's progress as a user sees it (PostgreSQL: read on the pool's other connection
  // while the run writes; PGlite has one connection, so only the start and the end show).
  const steps: string[] = [];
  let last = { step: '', at: performance.now() };
  const poll = setInterval(async () => {
    const [row] = await rowsOf<{ step: string | null; progress: number }>(
      db,
      sql`select step, progress from score_runs where id = ${run.id}`,
    ).catch(() => []);
    if (row?.step && row.step !== last.step) {
      if (last.step) steps.push(`${last.step} ${s(last.at)} s`);
      last = { step: row.step, at: performance.now() };
    }
  }, 250);
  const done = await runRecompute(db, run.id);
  clearInterval(poll);
  if (last.step && last.step !== 'done') steps.push(`${last.step} ${s(last.at)} s`);
  console.log(
    `recompute (summaries + fit + scores + write in one transaction): ${s(t)} s, ${done.status}, scored ${done.scored}`,
  );
  console.log(`  steps as the run reported them: ${steps.join(', ')}`);
  console.log(JSON.stringify({ bgnbd: done.params.bgnbd, gammaGamma: done.params.gammaGamma }));
  t = performance.now();
  const fit = fitModels(summaries, '2026-11-30');
  console.log(`  of which fit: ${s(t)} s`);
  t = performance.now();
  scoreCustomers(summaries, fit.bgnbd, fit.gammaGamma, { ...DEFAULT_SCORE_OPTIONS, timeUnit: 'week' });
  console.log(`  of which scores: ${s(t)} s`);
  console.log(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
} finally {
  await database.close();
  if (values.keep || values.reuse) console.log(`kept database ${pgBench?.url}`);
  else await pgBench?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
