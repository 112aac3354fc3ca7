// Backup and restore of N customers (default 100 000) on PGlite (a data dir on disk) and,
// with a URL, on PostgreSQL; pg_dump -Fc of the same database for reference.
//   npx tsx bench/backup-restore.ts [--rows 100000] [--database-url postgres://…/postgres]
// (the URL defaults to BENCH_DATABASE_URL or TEST_DATABASE_URL; it needs CREATE DATABASE)
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { restoreBackup } from '../src/core/backup/restore-backup.ts';
import { backupToFile } from '../src/core/backup/write-backup.ts';
import type { Database } from '../src/core/db/database.ts';
import { migrateDatabase } from '../src/core/db/migrate.ts';
import { openDatabase } from '../src/core/db/open-database.ts';
import { machine } from './support/processes.ts';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '100000' }, 'database-url': { type: 'string' } },
});
const rows = Number(values.rows);
const pgUrl = values['database-url'] ?? process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const dir = mkdtempSync(join(tmpdir(), 'sampan-bench-backup-'));

/** Customers with Thai names, contacts, tags and timestamps, generated inside the database. */
async function fill(database: Database) {
  await database.exec(`
    insert into customers (display_name, first_name, last_name, email, phone, province, postcode, tags, source, created_at)
    select 'คุณลูกค้า ' || i || ' ใจดี', 'สมศักดิ์', 'ศรีสุข' || (i % 97), 'c' || i || '@example.co.th',
      '+6681' || lpad(i::text, 7, '0'), (array['กรุงเทพมหานคร','เชียงใหม่','ขอนแก่น','ภูเก็ต'])[1 + i % 4],
      lpad((10000 + i % 90000)::text, 5, '0'),
      case when i % 3 = 0 then array['VIP','ลูกค้าประจำ'] else '{}'::text[] end, 'bench',
      timestamptz '2025-01-01' + (i || ' minutes')::interval
    from generate_series(1, ${rows}) as i`);
}

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const results: string[] = [];

async function measure(label: string, source: Database, makeTarget: () => Promise<Database>) {
  const file = join(dir, `${label}.jsonl.gz`);
  const before = process.memoryUsage().rss;
  peakRss = before;
  const b = await backupToFile(source, file);
  const backupRss = peakRss - before;
  const target = await makeTarget();
  const beforeRestore = process.memoryUsage().rss;
  peakRss = beforeRestore;
  const r = await restoreBackup(target, file);
  const restoreRss = peakRss - beforeRestore;
  const [check] = await target.query<{ n: number }>('select count(*)::int as n from customers');
  if (check?.n !== rows) throw new Error(`restored ${check?.n} customers, expected ${rows}`);
  await target.close();
  results.push(
    `| ${label} | ${b.rows.toLocaleString('en')} | ${sec(b.ms)} (${Math.round(b.rows / (b.ms / 1000)).toLocaleString('en')} rows/s) | ${mb(b.bytes)} | ${sec(r.ms)} (${Math.round(r.rows / (r.ms / 1000)).toLocaleString('en')} rows/s) | +${mb(Math.max(0, backupRss))} / +${mb(Math.max(0, restoreRss))} |`,
  );
}

// PGlite: a data directory on disk, as `sampan serve` uses it.
{
  const source = await openDatabase({ dataDir: join(dir, 'pglite-source') });
  await migrateDatabase(source);
  await fill(source);
  await measure('PGlite 0.5 (data dir)', source, () => openDatabase({ dataDir: join(dir, 'pglite-target') }));
  await source.close();
}

if (pgUrl) {
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  const names = [0, 1].map(() => `sampan_bench_${randomBytes(4).toString('hex')}`);
  const urlOf = (name: string) => {
    const u = new URL(pgUrl);
    u.pathname = `/${name}`;
    return u.toString();
  };
  try {
    for (const n of names) await admin.query(`create database ${n}`);
    const source = await openDatabase({ databaseUrl: urlOf(names[0] as string) });
    await migrateDatabase(source);
    await fill(source);
    await measure('PostgreSQL 15', source, () => openDatabase({ databaseUrl: urlOf(names[1] as string) }));
    await source.close();
    const started = performance.now();
    execFileSync('pg_dump', ['-Fc', '-f', join(dir, 'pg_dump.custom'), urlOf(names[0] as string)]);
    results.push(
      `| pg_dump -Fc of the same PostgreSQL database, for reference | | ${sec(performance.now() - started)} | | | |`,
    );
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  } finally {
    for (const n of names) await admin.query(`drop database if exists ${n} with (force)`);
    await admin.end();
  }
}

clearInterval(sampler);
rmSync(dir, { recursive: true, force: true });
console.log(`\nBackup and restore — ${new Date().toISOString().slice(0, 10)} — ${machine()}\n`);
console.log('| database | rows | backup | file | restore (incl. migrations, checks) | RSS growth backup / restore |');
console.log('|---|---|---|---|---|---|');
for (const line of results) console.log(line);
