// CSV import of customers: `sampan import customers` (normalisation + identity resolution)
// against plain COPY of the same file into an unindexed table, in the same run.
//   npx tsx bench/customer-import.ts [--rows 1000000] [--pglite-rows 100000] [--database-url postgres://…/postgres]
// (the URL defaults to BENCH_DATABASE_URL or TEST_DATABASE_URL; it needs CREATE DATABASE;
//  throwaway databases sampan_bench_import_* are created and dropped)
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Random } from '../src/modules/demo/random.ts';
import {
  FEMALE_FIRST_NAMES,
  FEMALE_NICKNAMES,
  MALE_FIRST_NAMES,
  MALE_NICKNAMES,
  SURNAMES,
} from '../src/modules/demo/thai-names.ts';
import { THAI_PLACES } from '../src/modules/demo/thai-places.ts';
import { machine, ROOT } from './support/processes.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    'pglite-rows': { type: 'string', default: '100000' },
    'database-url': { type: 'string' },
  },
});
const rows = Number(values.rows);
const pgliteRows = Number(values['pglite-rows']);
const baseUrl = values['database-url'] ?? process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const dir = mkdtempSync(join(tmpdir(), 'sampan-bench-import-'));

const HEADER = 'ชื่อ,นามสกุล,ชื่อเล่น,ชื่ออังกฤษ,นามสกุลอังกฤษ,เบอร์โทร,อีเมล,จังหวัด,อำเภอ,รหัสไปรษณีย์,แท็ก,วันเกิด';
const COLUMNS = 12;
const MOBILE_PREFIXES = [
  '81',
  '82',
  '83',
  '84',
  '85',
  '86',
  '87',
  '88',
  '89',
  '91',
  '92',
  '93',
  '94',
  '95',
  '96',
  '97',
  '98',
  '99',
  '61',
  '62',
  '63',
  '64',
  '65',
];

/** The phone forms people type for one number. */
function phoneForm(r: Random, national: string): string {
  switch (r.int(0, 4)) {
    case 0:
      return national;
    case 1:
      return `${national.slice(0, 3)}-${national.slice(3, 6)}-${national.slice(6)}`;
    case 2:
      return `+66 ${national.slice(1, 3)} ${national.slice(3, 6)} ${national.slice(6)}`;
    case 3:
      return `+66${national.slice(1)}`;
    default:
      return `${national.slice(0, 3)} ${national.slice(3)}`;
  }
}

/**
 * A realistic customer file: Thai and romanised names, phones in mixed formats, emails,
 * places; ~5% of rows repeat an earlier person (same phone in another format, or the same
 * email), ~0.2% are bad (a phone too short, an email without a domain).
 */
async function writeCsv(file: string, count: number, seed: number): Promise<void> {
  const r = new Random(seed);
  const out = createWriteStream(file);
  const write = (text: string) =>
    out.write(text) ? undefined : new Promise<void>((ok) => out.once('drain', () => ok()));
  await write(`${HEADER}\n`);
  let buffer = '';
  for (let i = 0; i < count; i++) {
    const female = r.chance(0.5);
    const first = r.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
    const last = r.pick(SURNAMES);
    const nick = r.pick(female ? FEMALE_NICKNAMES : MALE_NICKNAMES);
    const place = r.pick(THAI_PLACES);
    const repeat = i > 100 && r.chance(0.05) ? r.int(0, i - 1) : i;
    // mobile ranges in use (08x, 09x, 061–065); the same person keeps the same number
    const prefix = MOBILE_PREFIXES[repeat % MOBILE_PREFIXES.length];
    const national = `0${prefix}${String(1_000_000 + ((repeat * 7919) % 8_999_999)).padStart(7, '0')}`;
    let phone = phoneForm(r, national);
    let email = r.chance(0.8)
      ? `${first[1].toLowerCase()}.${last[1].toLowerCase().replace(/\s/g, '')}${repeat}@example.co.th`
      : '';
    if (r.chance(0.001)) phone = phone.slice(0, 5);
    if (r.chance(0.001)) email = `${first[1]}@`;
    const tags = r.chance(0.2) ? 'vip;ลูกค้าประจำ' : '';
    const birthday = r.chance(0.5) ? `${r.int(1, 28)}/${r.int(1, 12)}/${r.int(2500, 2548)}` : '';
    buffer += `${first[0]},${last[0]},${nick[0]},${first[1]},${last[1]},${phone},${email},${place.province},${place.district},${place.postcode},${tags},${birthday}\n`;
    if (buffer.length > 1 << 20) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer);
  await new Promise<void>((ok) => out.end(ok));
}

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

/** Plain COPY of the file into an unindexed table of text columns: the baseline. */
async function copyBaseline(url: string, file: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(
      `create unlogged table if not exists copy_baseline (${Array.from({ length: COLUMNS }, (_, i) => `c${i} text`).join(', ')})`,
    );
    await c.query('truncate copy_baseline');
    const t0 = performance.now();
    await pipeline(
      createReadStream(file),
      c.query(copyFrom('copy copy_baseline from stdin with (format csv, header true)')),
    );
    const ms = performance.now() - t0;
    return ms;
  } finally {
    await c.end();
  }
}

interface RunResult {
  ms: number;
  peakRssMb: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as its own process and samples its peak RSS (VmHWM) until it exits. */
function runCli(args: string[]): Promise<RunResult> {
  return new Promise((done, fail) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn' },
    });
    let stdout = '';
    let stderr = '';
    let peak = 0;
    const sample = () => {
      try {
        const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
        peak = Math.max(peak, kb / 1024);
      } catch {
        // exited
      }
    };
    const timer = setInterval(sample, 100);
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      process.stderr.write(d);
      sample();
    });
    child.on('exit', (code) => {
      clearInterval(timer);
      const ms = performance.now() - t0;
      if (code !== 0) fail(new Error(`sampan ${args.join(' ')} exited ${code}\n${stderr}`));
      else done({ ms, peakRssMb: peak, stdout, stderr });
    });
  });
}

/** The import's own time from its progress lines (excludes process start and migration). */
function importRate(result: RunResult, count: number): number {
  const rates = [...result.stderr.matchAll(/ ([\d,]+) rows\/s /g)].map((m) => Number(m[1]?.replaceAll(',', '')));
  return rates.at(-1) ?? Math.round(count / (result.ms / 1000));
}

const table: string[][] = [];
const fmt = (v: number) => Math.round(v).toLocaleString('en');
console.log(`machine: ${machine()}`);

try {
  if (baseUrl) {
    const file = join(dir, `people-${rows}.csv`);
    let t0 = performance.now();
    await writeCsv(file, rows, 42);
    console.log(
      `generated ${fmt(rows)} rows (${(statSync(file).size / 1024 / 1024).toFixed(0)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const copyDb = 'sampan_bench_import_copy';
    const importDb = 'sampan_bench_import';
    await admin(baseUrl, `drop database if exists ${copyDb} with (force)`);
    await admin(baseUrl, `drop database if exists ${importDb} with (force)`);
    await admin(baseUrl, `create database ${copyDb}`);
    await admin(baseUrl, `create database ${importDb}`);
    try {
      const copyMs = await copyBaseline(withDb(baseUrl, copyDb), file);
      const copyRate = rows / (copyMs / 1000);
      console.log(`COPY: ${fmt(copyRate)} rows/s`);
      table.push([
        'PostgreSQL',
        'COPY into unindexed text table',
        fmt(rows),
        `${(copyMs / 1000).toFixed(1)} s`,
        fmt(copyRate),
        '—',
        '100%',
      ]);
      const url = withDb(baseUrl, importDb);
      await runCli(['migrate', '--database-url', url]);
      t0 = performance.now();
      const run = await runCli(['import', 'customers', file, '--database-url', url]);
      const rate = importRate(run, rows);
      console.log(run.stdout.trim());
      table.push([
        'PostgreSQL',
        'sampan import customers',
        fmt(rows),
        `${(run.ms / 1000).toFixed(1)} s`,
        fmt(rate),
        `${run.peakRssMb.toFixed(0)} MB`,
        `${((rate / copyRate) * 100).toFixed(0)}%`,
      ]);
      const check = new pg.Client({ connectionString: url });
      await check.connect();
      const counts = await check.query(
        `select (select count(*) from customers)::int as customers, (select count(*) from customer_identities)::int as identities,
                (select count(*) from (select 1 from customer_identities group by kind, system, value having count(*) > 1) d)::int as dupes`,
      );
      await check.end();
      console.log('PostgreSQL after import:', counts.rows[0]);
    } finally {
      await admin(baseUrl, `drop database if exists ${copyDb} with (force)`);
      await admin(baseUrl, `drop database if exists ${importDb} with (force)`);
    }
  } else {
    console.log('no PostgreSQL URL: skipping the PostgreSQL part');
  }

  if (pgliteRows > 0) {
    const file = join(dir, `people-${pgliteRows}.csv`);
    await writeCsv(file, pgliteRows, 7);
    const dataDir = join(dir, 'pglite');
    await runCli(['migrate', '--data-dir', dataDir]);
    const run = await runCli(['import', 'customers', file, '--data-dir', dataDir]);
    console.log(run.stdout.trim());
    table.push([
      'PGlite',
      'sampan import customers',
      fmt(pgliteRows),
      `${(run.ms / 1000).toFixed(1)} s`,
      fmt(importRate(run, pgliteRows)),
      `${run.peakRssMb.toFixed(0)} MB`,
      '—',
    ]);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const head = ['database', 'what', 'rows', 'wall time', 'rows/s', 'peak RSS', 'vs COPY'];
const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => (r[i] ?? '').length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
console.log(['', line(head), line(widths.map((w) => '-'.repeat(w))), ...table.map(line)].join('\n'));
console.log(
  'rows/s of the import is its own rate (rows over the time from its first to last batch, no process start); wall time includes start-up and migration checks.',
);
