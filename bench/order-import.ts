// Issue 5: CSV import of orders through the real import (`sampan import orders`: parsing,
// identity resolution of the customer, orders + lines + timeline written set-based, one
// transaction per batch) against plain COPY of the same file into an unindexed table, in
// the same run; peak RSS of each.
//   npx tsx bench/order-import.ts [--rows 1000000] [--pglite-rows 100000] [--database-url postgres://…/postgres]
// The file has N rows over N/10 customers (phones in mixed formats, a third also with an
// email), orders of 1–3 lines (consecutive rows with one order number), dates over two years
// (date-only and date-time), amounts in baht with satang, ~1/1000 bad rows. The customers are
// not there before: the import creates them on their first order.
// Throwaway databases sampan_bench_orders_<pid>[_copy] are created and dropped.
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { COLUMNS, fileOf, writeCsv } from './support/order-file.ts';
import { machine, ROOT } from './support/processes.ts';

/** `--child copy|import ARGS…`: one measured step in its own process. */
const childAt = process.argv.indexOf('--child');
const { values } = parseArgs({
  args: childAt === -1 ? process.argv.slice(2) : [],
  options: {
    rows: { type: 'string', default: '1000000' },
    'pglite-rows': { type: 'string', default: '100000' },
    'database-url': { type: 'string' },
    /** Rows per transaction of the import (default: the command's). */
    'batch-size': { type: 'string' },
    /** The PostgreSQL file: written here once with FILE.expected.json beside it, reused when both exist. */
    file: { type: 'string' },
  },
});

function withDb(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin(url: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

const maxRssMb = () => process.resourceUsage().maxRSS / 1024;
/** CPU seconds (user + system) this process has used. */
const cpuSeconds = () => {
  const u = process.resourceUsage();
  return (u.userCPUTime + u.systemCPUTime) / 1e6;
};

/**
 * CPU seconds the PostgreSQL backends of one database used, sampled from /proc every
 * second while a step runs (the server is on this machine): a figure the load of the
 * shared machine does not inflate, unlike wall time.
 */
function backendCpu(baseUrl: string, database: string) {
  const seen = new Map<number, number>();
  const client = new pg.Client({ connectionString: baseUrl });
  const ticks = 100; // USER_HZ on Linux
  const sample = async () => {
    const { rows } = await client.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [
      database,
    ]);
    for (const { pid } of rows) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        seen.set(pid, (Number(fields[11]) + Number(fields[12])) / ticks);
      } catch {
        // the backend has just ended
      }
    }
  };
  let timer: NodeJS.Timeout | undefined;
  return {
    async start() {
      await client.connect();
      timer = setInterval(() => void sample().catch(() => {}), 500);
    },
    async stop(): Promise<number> {
      clearInterval(timer);
      await client.end();
      return [...seen.values()].reduce((a, b) => a + b, 0);
    },
  };
}

/** Child: plain COPY of the file into an unindexed table of text columns (the baseline). */
async function copyChild(url: string, file: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const columns = Array.from({ length: COLUMNS }, (_, i) => `c${i} text`).join(', ');
    await c.query(`create unlogged table copy_baseline (${columns})`);
    const t0 = performance.now();
    await pipeline(
      createReadStream(file),
      c.query(copyFrom('copy copy_baseline from stdin with (format csv, header true)')),
    );
    const ms = performance.now() - t0;
    console.log(`BENCH ${JSON.stringify({ ms, maxRssMb: maxRssMb(), cpu: cpuSeconds() })}`);
  } finally {
    await c.end();
  }
}

/** Child: `sampan import orders FILE …` in this process, then its peak RSS. */
async function importChild(args: string[]): Promise<void> {
  const { importOrdersCommand } = await import('../src/cli/commands/import-orders.ts');
  const t0 = performance.now();
  const code = await importOrdersCommand(args);
  const ms = performance.now() - t0;
  console.log(`BENCH ${JSON.stringify({ ms, maxRssMb: maxRssMb(), code, cpu: cpuSeconds() })}`);
}

interface ChildResult {
  ms: number;
  maxRssMb: number;
  /** CPU seconds of the child process (user + system). */
  cpu: number;
  /** CPU seconds of the database's backends meanwhile (PostgreSQL only). */
  dbCpu?: number;
  stderr: string;
  stdout: string;
  /** 1-minute load average, sampled every 2 s while the child ran. */
  load: { mean: number; max: number };
}

/** Runs this script in `--child` mode (own process, own maxRSS) and samples the load average meanwhile. */
async function runChild(mode: string, args: string[], db?: { baseUrl: string; name: string }): Promise<ChildResult> {
  const backends = db ? backendCpu(db.baseUrl, db.name) : undefined;
  await backends?.start();
  const result = await new Promise<ChildResult>((done, fail) => {
    const child = spawn(
      process.execPath,
      [
        // e.g. BENCH_CHILD_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile each step.
        ...(process.env.BENCH_CHILD_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
        '--import',
        'tsx',
        join(ROOT, 'bench/order-import.ts'),
        '--child',
        mode,
        ...args,
      ],
      { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn' } },
    );
    let stdout = '';
    let stderr = '';
    const loads: number[] = [];
    const sample = () => loads.push(loadavg()[0] ?? 0);
    sample();
    const timer = setInterval(sample, 2000);
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      process.stderr.write(d);
    });
    child.on('exit', (code) => {
      clearInterval(timer);
      sample();
      const m = /BENCH (\{.*\})/.exec(stdout);
      if (code !== 0 || !m?.[1]) return fail(new Error(`${mode} child exited ${code}\n${stdout}\n${stderr}`));
      const { ms, maxRssMb, cpu } = JSON.parse(m[1]) as { ms: number; maxRssMb: number; cpu: number };
      const mean = loads.reduce((a, b) => a + b, 0) / loads.length;
      done({ ms, maxRssMb, cpu, stdout, stderr, load: { mean, max: Math.max(...loads) } });
    });
  });
  if (backends) result.dbCpu = await backends.stop();
  return result;
}

/** The import's own rate from its last progress line: rows over the time from its start to its last batch. */
function importRate(result: ChildResult, count: number): number {
  const rates = [...result.stderr.matchAll(/ ([\d,]+) rows\/s /g)].map((m) => Number(m[1]?.replaceAll(',', '')));
  return rates.at(-1) ?? Math.round(count / (result.ms / 1000));
}

const fmt = (v: number) => Math.round(v).toLocaleString('en');
const loadText = (r: ChildResult) => `${r.load.mean.toFixed(1)} (max ${r.load.max.toFixed(1)})`;
const cpuText = (r: ChildResult) =>
  `${r.cpu.toFixed(1)} s + ${r.dbCpu === undefined ? '—' : `${r.dbCpu.toFixed(1)} s`}`;

async function counts(url: string) {
  const check = new pg.Client({ connectionString: url });
  await check.connect();
  try {
    const result = await check.query(
      `select (select count(*) from customers)::int as customers, (select count(*) from orders)::int as orders,
              (select count(*) from order_lines)::int as lines, (select coalesce(sum(total_satang), 0)::text from orders) as satang,
              (select count(*) from activities where kind = 'order')::int as "timeline"`,
    );
    return result.rows[0] as Record<string, number>;
  } finally {
    await check.end();
  }
}

const batchArgs = values['batch-size'] ? ['--batch-size', values['batch-size']] : [];

async function main(): Promise<void> {
  const rows = Number(values.rows);
  const pgliteRows = Number(values['pglite-rows']);
  const baseUrl = values['database-url'] ?? process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const dir = mkdtempSync(join(tmpdir(), 'sampan-bench-orders-'));
  const table: string[][] = [];
  console.log(
    `machine: ${machine()}; load average at start ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  try {
    if (baseUrl && rows > 0) {
      const [file, expected] = await fileOf(dir, rows, 42, values.file);
      const copyDb = `sampan_bench_orders_${process.pid}_copy`;
      const importDb = `sampan_bench_orders_${process.pid}`;
      await admin(baseUrl, `create database ${copyDb}`);
      await admin(baseUrl, `create database ${importDb}`);
      try {
        const copy = await runChild('copy', [withDb(baseUrl, copyDb), file], { baseUrl, name: copyDb });
        const copyRate = rows / (copy.ms / 1000);
        console.log(`COPY: ${fmt(copyRate)} rows/s, load ${loadText(copy)}`);
        table.push([
          'PostgreSQL',
          'COPY into an unindexed text table',
          fmt(rows),
          `${(copy.ms / 1000).toFixed(1)} s`,
          fmt(copyRate),
          '100%',
          `${copy.maxRssMb.toFixed(0)} MB`,
          cpuText(copy),
          loadText(copy),
        ]);
        const url = withDb(baseUrl, importDb);
        // the first open of a database runs the migrations: not part of the import
        spawnSync(
          process.execPath,
          ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'migrate', '--database-url', url],
          {
            cwd: ROOT,
            stdio: 'inherit',
          },
        );
        const run = await runChild('import', [file, '--database-url', url, ...batchArgs], {
          baseUrl,
          name: importDb,
        });
        const rate = importRate(run, rows);
        console.log(run.stdout.replace(/BENCH .*/, '').trim());
        table.push([
          'PostgreSQL',
          'sampan import orders',
          fmt(rows),
          `${(run.ms / 1000).toFixed(1)} s`,
          fmt(rate),
          `${((rate / copyRate) * 100).toFixed(1)}%`,
          `${run.maxRssMb.toFixed(0)} MB`,
          cpuText(run),
          loadText(run),
        ]);
        console.log('PostgreSQL after import:', await counts(url), 'expected:', expected);
      } finally {
        await admin(baseUrl, `drop database if exists ${copyDb} with (force)`);
        await admin(baseUrl, `drop database if exists ${importDb} with (force)`);
      }
    } else {
      console.log('no PostgreSQL URL or --rows 0: skipping the PostgreSQL part');
    }

    if (pgliteRows > 0) {
      const file = join(dir, `orders-${pgliteRows}.csv`);
      const expected = await writeCsv(file, pgliteRows, 7);
      const dataDir = join(dir, 'pglite');
      spawnSync(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'migrate', '--data-dir', dataDir],
        {
          cwd: ROOT,
          stdio: 'inherit',
        },
      );
      const run = await runChild('import', [file, '--data-dir', dataDir, ...batchArgs]);
      console.log(run.stdout.replace(/BENCH .*/, '').trim(), 'expected:', expected);
      table.push([
        'PGlite',
        'sampan import orders',
        fmt(pgliteRows),
        `${(run.ms / 1000).toFixed(1)} s`,
        fmt(importRate(run, pgliteRows)),
        '—',
        `${run.maxRssMb.toFixed(0)} MB`,
        cpuText(run),
        loadText(run),
      ]);
    }
  } finally {
    if (!process.env.BENCH_KEEP_DIR) rmSync(dir, { recursive: true, force: true });
  }

  const head = [
    'database',
    'what',
    'rows',
    'time',
    'rows/s',
    'vs COPY',
    'peak RSS',
    'CPU: process + database',
    'load avg (1 min)',
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(['', line(head), line(widths.map((w) => '-'.repeat(w))), ...table.map(line)].join('\n'));
  console.log(
    "rows/s of the import is its own rate (rows over the time from its start to its last batch); time is the command's, with opening and checking the database.",
  );
}

const [mode, ...childArgs] = childAt === -1 ? [] : process.argv.slice(childAt + 1);
if (mode === 'copy') await copyChild(childArgs[0] ?? '', childArgs[1] ?? '');
else if (mode === 'import') await importChild(childArgs);
else await main();
