// Issue 4: CSV import of customers through the real import (`sampan import customers`:
// normalisation, identity resolution, batches of one transaction each) against plain COPY
// of the same file into an unindexed table, in the same run; peak RSS of each.
//   npx tsx bench/customer-import.ts [--rows 1000000] [--pglite-rows 100000] [--database-url postgres://…/postgres]
// (the URL defaults to BENCH_DATABASE_URL or TEST_DATABASE_URL; it needs CREATE DATABASE;
//  throwaway databases sampan_bench_import_<pid>[_copy] are created and dropped.)
// COPY and the import each run in a child process that reports its own
// process.resourceUsage().maxRSS; the load average is sampled during each step.
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
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

/** `--child copy|import ARGS…`: one measured step in its own process. */
const childAt = process.argv.indexOf('--child');
const { values } = parseArgs({
  args: childAt === -1 ? process.argv.slice(2) : [],
  options: {
    rows: { type: 'string', default: '1000000' },
    'pglite-rows': { type: 'string', default: '100000' },
    'database-url': { type: 'string' },
  },
});

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

const LATIN_FIRST = [
  'John',
  'Emma',
  'Hiroshi',
  'Anna',
  'Lukas',
  'Mei',
  'David',
  'Sofia',
  'Arjun',
  'Chloé',
  'José',
  'Nguyen',
];
/** An email's local part from a name: lower-case ASCII letters only. */
const ascii = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
const LATIN_LAST = ['Smith', 'Müller', 'Tanaka', 'García', 'Dubois', 'Chen', 'Kumar', 'Rossi', 'Tran', 'Andersson'];

/**
 * A realistic customer file: Thai names with their romanisation (and ~10% foreigners with
 * Latin names only), phones in mixed formats, emails, places; ~5% of rows repeat an
 * earlier person (same phone in another format, or the same email), ~0.2% are bad (a phone
 * too short, an email without a domain). Returns how many distinct people its good rows hold:
 * the number of profiles a correct import ends with.
 */
async function writeCsv(file: string, count: number, seed: number): Promise<number> {
  const r = new Random(seed);
  const out = createWriteStream(file);
  const write = (text: string) =>
    out.write(text) ? undefined : new Promise<void>((ok) => out.once('drain', () => ok()));
  await write(`${HEADER}\n`);
  const people = new Set<number>();
  let buffer = '';
  for (let i = 0; i < count; i++) {
    const female = r.chance(0.5);
    const place = r.pick(THAI_PLACES);
    const repeat = i > 100 && r.chance(0.05) ? r.int(0, i - 1) : i;
    // mobile ranges in use (08x, 09x, 061–065); the same person keeps the same number
    const prefix = MOBILE_PREFIXES[repeat % MOBILE_PREFIXES.length];
    const national = `0${prefix}${String(1_000_000 + ((repeat * 7919) % 8_999_999)).padStart(7, '0')}`;
    let names: string;
    let latin: [string, string];
    if (r.chance(0.1)) {
      latin = [r.pick(LATIN_FIRST), r.pick(LATIN_LAST)];
      names = `,,,${latin[0]},${latin[1]}`;
    } else {
      const first = r.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
      const last = r.pick(SURNAMES);
      const nick = r.pick(female ? FEMALE_NICKNAMES : MALE_NICKNAMES);
      latin = [first[1], last[1]];
      names = `${first[0]},${last[0]},${nick[0]},${first[1]},${last[1]}`;
    }
    let phone = phoneForm(r, national);
    let email = r.chance(0.8) ? `${ascii(latin[0])}.${ascii(latin[1])}${repeat}@example.co.th` : '';
    let bad = false;
    if (r.chance(0.001)) {
      phone = phone.slice(0, 5);
      bad = true;
    }
    if (r.chance(0.001)) {
      email = `${latin[0]}@`;
      bad = true;
    }
    if (!bad) people.add(repeat);
    const tags = r.chance(0.2) ? 'vip;ลูกค้าประจำ' : '';
    const birthday = r.chance(0.5) ? `${r.int(1, 28)}/${r.int(1, 12)}/${r.int(2500, 2548)}` : '';
    buffer += `${names},${phone},${email},${place.province},${place.district},${place.postcode},${tags},${birthday}\n`;
    if (buffer.length > 1 << 20) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer);
  await new Promise<void>((ok) => out.end(ok));
  return people.size;
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

const maxRssMb = () => process.resourceUsage().maxRSS / 1024;

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
    console.log(`BENCH ${JSON.stringify({ ms, maxRssMb: maxRssMb() })}`);
  } finally {
    await c.end();
  }
}

/** Child: `sampan import customers FILE …` in this process, then its peak RSS. */
async function importChild(args: string[]): Promise<void> {
  const { importCustomersCommand } = await import('../src/cli/commands/import-customers.ts');
  const t0 = performance.now();
  const code = await importCustomersCommand(args);
  const ms = performance.now() - t0;
  console.log(`BENCH ${JSON.stringify({ ms, maxRssMb: maxRssMb(), code })}`);
}

interface ChildResult {
  ms: number;
  maxRssMb: number;
  stderr: string;
  stdout: string;
  /** 1-minute load average, sampled every 2 s while the child ran. */
  load: { mean: number; max: number };
}

/** Runs this script in `--child` mode (own process, own maxRSS) and samples the load average meanwhile. */
function runChild(mode: string, args: string[]): Promise<ChildResult> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [
        // e.g. BENCH_CHILD_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile each step.
        ...(process.env.BENCH_CHILD_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
        '--import',
        'tsx',
        join(ROOT, 'bench/customer-import.ts'),
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
      const { ms, maxRssMb } = JSON.parse(m[1]) as { ms: number; maxRssMb: number };
      const mean = loads.reduce((a, b) => a + b, 0) / loads.length;
      done({ ms, maxRssMb, stdout, stderr, load: { mean, max: Math.max(...loads) } });
    });
  });
}

/** The import's own rate from its last progress line: rows over the time from its start to its last batch. */
function importRate(result: ChildResult, count: number): number {
  const rates = [...result.stderr.matchAll(/ ([\d,]+) rows\/s /g)].map((m) => Number(m[1]?.replaceAll(',', '')));
  return rates.at(-1) ?? Math.round(count / (result.ms / 1000));
}

const fmt = (v: number) => Math.round(v).toLocaleString('en');
const loadText = (r: ChildResult) => `${r.load.mean.toFixed(1)} (max ${r.load.max.toFixed(1)})`;

async function counts(url: string) {
  const check = new pg.Client({ connectionString: url });
  await check.connect();
  try {
    const result = await check.query(
      `select (select count(*) from customers)::int as customers, (select count(*) from customer_identities)::int as identities,
              (select count(*) from customers where search_text is null or search_text = '')::int as "withoutSearchText",
              (select count(*) from (select 1 from customer_identities group by kind, system, value having count(*) > 1) d)::int as "sharedIdentifiers"`,
    );
    return result.rows[0] as Record<string, number>;
  } finally {
    await check.end();
  }
}

async function main(): Promise<void> {
  const rows = Number(values.rows);
  const pgliteRows = Number(values['pglite-rows']);
  const baseUrl = values['database-url'] ?? process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const dir = mkdtempSync(join(tmpdir(), 'sampan-bench-import-'));
  const table: string[][] = [];
  console.log(
    `machine: ${machine()}; load average at start ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  try {
    if (baseUrl) {
      const file = join(dir, `people-${rows}.csv`);
      const t0 = performance.now();
      const people = await writeCsv(file, rows, 42);
      console.log(
        `generated ${fmt(rows)} rows, ${fmt(people)} distinct people in good rows (${(statSync(file).size / 1024 / 1024).toFixed(0)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
      const copyDb = `sampan_bench_import_${process.pid}_copy`;
      const importDb = `sampan_bench_import_${process.pid}`;
      await admin(baseUrl, `create database ${copyDb}`);
      await admin(baseUrl, `create database ${importDb}`);
      try {
        const copy = await runChild('copy', [withDb(baseUrl, copyDb), file]);
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
          loadText(copy),
        ]);
        const url = withDb(baseUrl, importDb);
        const run = await runChild('import', [file, '--database-url', url]);
        const rate = importRate(run, rows);
        console.log(run.stdout.replace(/BENCH .*/, '').trim());
        table.push([
          'PostgreSQL',
          'sampan import customers',
          fmt(rows),
          `${(run.ms / 1000).toFixed(1)} s`,
          fmt(rate),
          `${((rate / copyRate) * 100).toFixed(1)}%`,
          `${run.maxRssMb.toFixed(0)} MB`,
          loadText(run),
        ]);
        const after = await counts(url);
        console.log('PostgreSQL after import:', after, `expected customers: ${people}`);
      } finally {
        await admin(baseUrl, `drop database if exists ${copyDb} with (force)`);
        await admin(baseUrl, `drop database if exists ${importDb} with (force)`);
      }
    } else {
      console.log('no PostgreSQL URL: skipping the PostgreSQL part');
    }

    if (pgliteRows > 0) {
      const file = join(dir, `people-${pgliteRows}.csv`);
      const people = await writeCsv(file, pgliteRows, 7);
      const dataDir = join(dir, 'pglite');
      // the first open of a data dir runs initdb and the migrations: not part of the import
      spawnSync(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'migrate', '--data-dir', dataDir],
        {
          cwd: ROOT,
          stdio: 'inherit',
        },
      );
      const run = await runChild('import', [file, '--data-dir', dataDir]);
      console.log(run.stdout.replace(/BENCH .*/, '').trim(), `expected customers: ${people}`);
      table.push([
        'PGlite',
        'sampan import customers',
        fmt(pgliteRows),
        `${(run.ms / 1000).toFixed(1)} s`,
        fmt(importRate(run, pgliteRows)),
        '—',
        `${run.maxRssMb.toFixed(0)} MB`,
        loadText(run),
      ]);
    }
  } finally {
    if (!process.env.BENCH_KEEP_DIR) rmSync(dir, { recursive: true, force: true });
  }

  const head = ['database', 'what', 'rows', 'time', 'rows/s', 'vs COPY', 'peak RSS', 'load avg (1 min)'];
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
