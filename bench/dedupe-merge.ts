// Duplicate finder over N people (default 100 000) with ~2% planted duplicates, and the
// merge of two profiles with 1,000 activities each, on PGlite (a data dir on disk) and,
// with a URL, on PostgreSQL (a throwaway sampan_bench_* database, dropped at the end).
// Each finder call runs --finder-runs times, each merge --runs times: p50/p95/p99 of those
// (with a handful of runs p95 and p99 are the slowest run).
//   npx tsx bench/dedupe-merge.ts [--people 100000] [--runs 11] [--finder-runs 3] [--database-url postgres://…/postgres]
// (the URL defaults to BENCH_DATABASE_URL or TEST_DATABASE_URL; it needs CREATE DATABASE)
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { systemActor } from '../src/core/auth/principal.ts';
import type { Database } from '../src/core/db/database.ts';
import { migrateDatabase } from '../src/core/db/migrate.ts';
import { openDatabase } from '../src/core/db/open-database.ts';
import { makeProfile } from '../src/modules/dedupe/dedupe-fixtures.ts';
import { candidatePairs } from '../src/modules/dedupe/duplicate-rules.ts';
import { inFinderSession } from '../src/modules/dedupe/finder-session.ts';
import { countDuplicateCandidates, findDuplicates, mergeCustomers } from '../src/modules/dedupe/index.ts';
import { machine } from './support/processes.ts';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '11' },
    'finder-runs': { type: 'string', default: '3' },
    'database-url': { type: 'string' },
  },
});
const people = Number(values.people);
const runs = Number(values.runs);
const finderRuns = Number(values['finder-runs']);
const pgUrl = values['database-url'] ?? process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const dir = mkdtempSync(join(tmpdir(), 'sampan-bench-dedupe-'));
const actor = systemActor('cli');
const results: string[] = [];

const FIRST = [
  'สมชาย',
  'สมศักดิ์',
  'วิชัย',
  'สุดา',
  'มาลี',
  'ประเสริฐ',
  'อนงค์',
  'พรทิพย์',
  'กิตติ',
  'ธนา',
  'นภา',
  'ศิริพร',
  'อรุณ',
  'จันทร์เพ็ญ',
  'สุรเชษฐ์',
  'วรรณา',
  'ชัยวัฒน์',
  'รัตนา',
  'บุญมี',
  'ปราณี',
  'สมหญิง',
  'ณัฐพล',
  'ธีรวัฒน์',
  'กมลชนก',
  'ปิยะ',
  'อำนาจ',
  'เพ็ญศรี',
  'ยุทธนา',
  'ดวงใจ',
  'ศุภชัย',
];
const LAST = [
  'ใจดี',
  'สุขสวัสดิ์',
  'ทองดี',
  'แสงทอง',
  'ศรีสุข',
  'มีนา',
  'วงศ์ใหญ่',
  'บุญเรือง',
  'จันทร์แก้ว',
  'ชาญชัย',
  'รุ่งเรือง',
  'พึ่งบุญ',
  'ทองคำ',
  'สายสุด',
  'เกิดผล',
  'ปัญญาดี',
  'อินทร์แก้ว',
  'ศักดิ์สิทธิ์',
  'นาคสวัสดิ์',
  'พรหมมา',
  'สมบูรณ์',
  'แก้วมณี',
  'ประเสริฐสุข',
  'บัวทอง',
  'คงมั่น',
  'เจริญสุข',
  'ทรัพย์มาก',
  'วิเศษศักดิ์',
  'ชูเกียรติ',
  'ศรีวงศ์',
];
const PROVINCES = [
  'กรุงเทพมหานคร',
  'เชียงใหม่',
  'ขอนแก่น',
  'ภูเก็ต',
  'ชลบุรี',
  'นครราชสีมา',
  'สงขลา',
  'อุดรธานี',
  'นนทบุรี',
  'ลำปาง',
];
const arr = (xs: string[]) => `(array[${xs.map((x) => `'${x}'`).join(',')}])`;

/** People with Thai names, birthdays, addresses, phones and emails; then 2% planted duplicates of 4 kinds. */
async function fill(database: Database): Promise<number> {
  await database.exec(`
    insert into customers (display_name, first_name, last_name, birthday, province, district, postcode, address_line,
                           phone, email, source, created_at)
    select f || ' ' || l, f, l, date '1950-01-01' + (i * 7919 % 20000), ${arr(PROVINCES)}[1 + i % 10],
           'เขต ' || (i % 50), lpad((10000 + (i * 37) % 86000)::text, 5, '0'), i || '/' || (i % 90) || ' ถนนสุขุมวิท',
           '+668' || lpad(((i * 7907) % 100000000)::text, 8, '0'), 'p' || i || '@example.co.th', 'bench',
           timestamptz '2025-01-01' + (i || ' minutes')::interval
      from generate_series(1, ${people}) as i,
           lateral (select ${arr(FIRST)}[1 + (i * 31) % ${FIRST.length}] as f,
                           ${arr(LAST)}[1 + (i * 17 + i / 7) % ${LAST.length}] as l) n`);
  const planted = Math.round(people * 0.02);
  // Four kinds, in turn: title + same birthday; extra spaces + same postcode and district;
  // a typo in the surname + a phone with the same last 4 digits; the same email name at
  // another domain with the same name. Each planted row remembers its original.
  await database.exec(`
    insert into customers (display_name, first_name, last_name, birthday, province, district, postcode,
                           phone, email, source, custom_fields)
    select case k when 0 then 'นาย' || o.display_name when 1 then o.first_name || '   ' || o.last_name
                  when 2 then o.first_name || ' ' || left(o.last_name, length(o.last_name) - 1) else o.display_name end,
           null, null,
           case k when 0 then o.birthday else null end,
           case k when 1 then o.province else null end,
           case k when 1 then o.district else null end,
           case k when 1 then o.postcode else null end,
           case k when 2 then '+669' || lpad((j * 131 % 10000)::text, 4, '0') || right(o.phone, 4) else null end,
           case k when 3 then split_part(o.email, '@', 1) || '@gmail.com' else null end,
           'bench-duplicate', jsonb_build_object('duplicateOf', o.id)
      from (select j, j % 4 as k, (j * ${Math.floor(people / planted)}) as i from generate_series(1, ${planted}) j) p
      join (select row_number() over (order by created_at) as i, c.* from customers c) o on o.i = p.i`);
  return planted;
}

const ms = (x: number) => `${x.toFixed(0)} ms`;

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
}
const stats = (xs: number[]) => `${ms(pct(xs, 50))} / ${ms(pct(xs, 95))} / ${ms(pct(xs, 99))}`;

/** Times `finderRuns` calls of one finder query; returns the times and the last result. */
async function timed<T>(run: () => Promise<T>): Promise<[number[], T]> {
  const times: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < finderRuns; i++) {
    const t = performance.now();
    result = await run();
    times.push(performance.now() - t);
  }
  return [times, result as T];
}

const loadNow = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const notes: string[] = [];

async function measure(label: string, database: Database) {
  const { db } = database;
  const t0 = performance.now();
  const planted = await fill(database);
  await database.exec('analyze');
  const fillMs = performance.now() - t0;

  const loadBefore = loadNow();
  const [allMs, found] = await timed(
    () =>
      inFinderSession(db, (tx) =>
        tx.execute(
          sql`select d.a, d.b, d.score, d.codes from (${candidatePairs(undefined, null)}) d where d.score >= 50`,
        ),
      ) as unknown as Promise<{ rows: { a: string; b: string; score: number; codes: string[] }[] }>,
  );
  const plantedRows = (await db.execute(
    sql`select id::text as id, custom_fields->>'duplicateOf' as of from customers where source = 'bench-duplicate'`,
  )) as unknown as { rows: { id: string; of: string }[] };
  const foundKeys = new Set(found.rows.map((r) => `${r.a}|${r.b}`));
  const hit = plantedRows.rows.filter((p) => foundKeys.has([p.id, p.of].sort().join('|'))).length;

  const [pageMs] = await timed(() => findDuplicates(db, actor, { limit: 50 }));
  const [countMs, count] = await timed(() => countDuplicateCandidates(db, actor));
  const anyPlanted = plantedRows.rows[0];
  const [oneMs] = await timed(async () => {
    if (anyPlanted) await findDuplicates(db, actor, { customerId: anyPlanted.id });
  });

  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const a = await makeProfile(
      db,
      actor,
      { displayName: `ทดสอบ ก${r}`, email: `a${r}@bench.test` },
      {
        activities: 1000,
        identities: [{ kind: 'email', value: `a${r}@bench.test`, isPrimary: true }],
      },
    );
    const b = await makeProfile(
      db,
      actor,
      { displayName: `ทดสอบ ข${r}`, phone: '+66811111111' },
      {
        activities: 1000,
        identities: [{ kind: 'phone', value: `+668111${String(r).padStart(5, '0')}`, isPrimary: true }],
      },
    );
    const s = performance.now();
    const result = await mergeCustomers(db, actor, { survivorId: a, mergedIds: [b] });
    times.push(performance.now() - s);
    if (result.moved.activities !== 1000) throw new Error(`moved ${result.moved.activities} activities`);
  }
  results.push(
    `| ${label} | ${(people + planted).toLocaleString('en')} (fill ${(fillMs / 1000).toFixed(1)} s) | ${stats(allMs)} | ${hit} / ${planted} (${((hit / planted) * 100).toFixed(1)}%), ${found.rows.length.toLocaleString('en')} pairs ≥ 50 | ${stats(pageMs)} | ${stats(countMs)} (${count.toLocaleString('en')}) | ${stats(oneMs)} | ${stats(times)} (${runs} runs) |`,
  );
  notes.push(`${label}: load average (1/5/15 min) ${loadBefore} before the finder, ${loadNow()} after the merges`);
}

{
  const database = await openDatabase({ dataDir: join(dir, 'pglite') });
  await migrateDatabase(database);
  await measure('PGlite 0.5 (data dir)', database);
  await database.close();
}

if (pgUrl) {
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  const name = `sampan_bench_${randomBytes(4).toString('hex')}`;
  try {
    await admin.query(`create database ${name}`);
    const u = new URL(pgUrl);
    u.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: u.toString() });
    await migrateDatabase(database);
    await measure('PostgreSQL 15', database);
    await database.close();
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

rmSync(dir, { recursive: true, force: true });
console.log(`\nDuplicates and merge — ${new Date().toISOString().slice(0, 10)} — ${machine()}\n`);
console.log(
  '| database | people | finder, all pairs | planted pairs found | first page (50) | count | one profile | merge 2×1,000 activities |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const line of results) console.log(line);
console.log(`\nTimes are p50 / p95 / p99.\n${notes.map((n) => `- ${n}`).join('\n')}`);
