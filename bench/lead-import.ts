// Issue 5, part 3: importing leads from a CSV on the imports loop (kind 'leads'): each row
// checked like POST /leads (Thai phone normalised), owners by the assignment rules,
// duplicates of existing leads skipped, every lead scored in its batch.
// Synthetic file: Thai names, phones written four ways, 2% bad phones, 3% repeated emails.
//   npx tsx bench/lead-import.ts [--leads 20000] [--pglite] [--database-url postgres://…/postgres]
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createUser } from '../src/core/auth/create-user.ts';
import { systemActor } from '../src/core/auth/principal.ts';
import { migrateDatabase } from '../src/core/db/migrate.ts';
import { openDatabase } from '../src/core/db/open-database.ts';
import { createFileImport, defaultBatchSize, runImport } from '../src/modules/imports/index.ts';
import { suggestLeadMapping } from '../src/modules/imports/lead-fields.ts';
import { createAssignmentRule, createScoringRule } from '../src/modules/leads/index.ts';
import { BENCH_PG_URL, benchDatabase } from './support/pg-database.ts';
import { machine } from './support/processes.ts';

const { values } = parseArgs({
  options: {
    leads: { type: 'string', default: '20000' },
    pglite: { type: 'boolean', default: false },
    'database-url': { type: 'string', default: BENCH_PG_URL },
  },
});
const n = Number(values.leads);
const secs = (from: number) => (performance.now() - from) / 1000;
const dir = mkdtempSync(join(tmpdir(), 'sampan-bench-lead-import-'));
const pgBench = values.pglite ? undefined : await benchDatabase(values['database-url']);
const database = await openDatabase(
  pgBench ? { databaseUrl: pgBench.url, poolMax: 2 } : { dataDir: join(dir, 'data') },
);

const FIRST = ['สมชาย', 'สมหญิง', 'วิไล', 'ประเสริฐ', 'อรุณ', 'มานี', 'ปิติ', 'ชูใจ', 'Somchai', 'Nok'];
const LAST = ['ใจดี', 'รักไทย', 'ศรีสุข', 'มั่นคง', 'ทองดี', 'Smith'];
const PROVINCES = ['กรุงเทพมหานคร', 'เชียงใหม่', 'จ.ขอนแก่น', 'ภูเก็ต', 'ชลบุรี', ''];
const SOURCES = ['form', 'event', 'referral', 'แนะนำ', 'ไลน์', ''];
function phone(i: number): string {
  if (i % 50 === 7) return '12345';
  const digits = `8${String(10_000_000 + i).slice(-8)}`;
  switch (i % 4) {
    case 0:
      return `0${digits.slice(0, 2)}-${digits.slice(2, 5)}-${digits.slice(5)}`;
    case 1:
      return `+66 ${digits.slice(0, 2)} ${digits.slice(2, 5)} ${digits.slice(5)}`;
    case 2:
      return `0${digits}`;
    default:
      return `(0${digits.slice(0, 2)}) ${digits.slice(2)}`;
  }
}

try {
  console.log(`# Lead import, ${n.toLocaleString('en')} rows on ${database.kind}`);
  console.log(
    `machine: ${machine()}; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  await migrateDatabase(database);
  const db = database.db;
  const cli = systemActor('cli');
  const users = [];
  for (const k of [1, 2, 3])
    users.push(
      await createUser(db, cli, {
        email: `seller${k}@bench.local`,
        name: `seller ${k}`,
        password: 'password-123',
        role: 'sales',
        teamId: null,
      }),
    );
  await createAssignmentRule(db, cli, {
    name: 'North',
    kind: 'territory',
    provinces: ['เชียงใหม่'],
    userIds: [users[0]?.id ?? ''],
  });
  await createAssignmentRule(db, cli, { name: 'All', kind: 'round_robin', userIds: users.map((u) => u.id) });
  await createScoringRule(db, cli, { name: 'Company', kind: 'fit', field: 'company', operator: 'present', points: 15 });
  await createScoringRule(db, cli, {
    name: 'Bangkok',
    kind: 'fit',
    field: 'province',
    operator: 'equals',
    values: ['กรุงเทพมหานคร'],
    points: 15,
  });

  const file = join(dir, 'leads.csv');
  const lines = ['ชื่อ,บริษัท,อีเมล,เบอร์โทร,จังหวัด,ที่มา,หมายเหตุ'];
  for (let i = 0; i < n; i++) {
    const email = i % 33 === 5 && i > 0 ? `lead${i - 1}@example.com` : `lead${i}@example.com`;
    lines.push(
      [
        `${FIRST[i % FIRST.length]} ${LAST[i % LAST.length]}`,
        i % 3 === 0 ? `บริษัท ${i} จำกัด` : '',
        email,
        phone(i),
        PROVINCES[i % PROVINCES.length],
        SOURCES[i % SOURCES.length],
        i % 4 === 0 ? 'สนใจสินค้า "ชุดใหญ่", ขอใบเสนอราคา' : '',
      ]
        .map((c) => (/[",\n]/.test(c ?? '') ? `"${String(c).replaceAll('"', '""')}"` : c))
        .join(','),
    );
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  const view = await createFileImport(db, cli, {
    kind: 'leads',
    path: file,
    fileName: 'leads.csv',
    fileSize: statSync(file).size,
    fileSha256: createHash('sha256').update(readFileSync(file)).digest('hex'),
    mapping: suggestLeadMapping(lines[0]?.split(',') ?? []),
    options: {},
    dryRun: false,
  });
  const batchSize = defaultBatchSize(database.kind);
  const t = performance.now();
  const done = await runImport(db, cli, view.id, { batchSize });
  const s = secs(t);
  console.log(
    `| ${database.kind} | ${n.toLocaleString('en')} rows, batches of ${batchSize.toLocaleString('en')} | ${s.toFixed(1)} s | ${Math.round(n / s).toLocaleString('en')} rows/s | created ${done.created}, skipped ${done.skipped}, rejected ${done.rejected} |`,
  );
} finally {
  await database.close();
  await pgBench?.drop();
  rmSync(dir, { recursive: true, force: true });
}
