import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, sampanNodeArgs } from '../../../test/support/run-cli.ts';
import { seedDataDir } from '../../../test/support/seed-data-dir.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { testDatabaseKind } from '../../../test/support/test-env.ts';
import { openDatabase } from '../../core/db/open-database.ts';
import { importMappings } from '../../modules/imports/index.ts';
import { UsageError } from '../cli-error.ts';
import { parseImportArgs } from './import-customers.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const ROWS = 6000;
let dir: string;
let csv: string;
let target: string[];
let testDb: TestDatabase | undefined;

/** 10% of rows repeat an earlier person (same phone written +66…); 1 in 500 (one of those repeats) has a bad email. */
function peopleCsv(rows: number): string {
  const lines = ['ชื่อ,นามสกุล,เบอร์โทร,อีเมล'];
  for (let i = 0; i < rows; i++) {
    const n = i % 10 === 9 ? i - 7 : i;
    const local = `08${String(20_000_000 + n).slice(-8)}`;
    const phone = i % 10 === 9 ? `+66 ${local.slice(1)}` : local;
    const email = i % 500 === 499 ? 'broken@' : `cli${n}@resume.test`;
    lines.push(`สมชาย${n},ทดสอบ,${phone},${email}`);
  }
  return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sampan-import-cli-'));
  csv = join(dir, 'people.csv');
  writeFileSync(csv, peopleCsv(ROWS));
  if (testDatabaseKind() === 'postgres') {
    testDb = await createTestDatabase();
    target = ['--database-url', testDb.url ?? ''];
  } else {
    // Migrated from the template, as a fresh install would be after its first start.
    target = ['--data-dir', seedDataDir(join(dir, 'data'))];
  }
});
afterAll(async () => {
  await testDb?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** The database the commands write to, opened by the test (close it before the next command on PGlite). */
function openTarget() {
  return openDatabase(testDb?.url ? { databaseUrl: testDb.url, poolMax: 1 } : { dataDir: join(dir, 'data') });
}

/** Starts the import and SIGKILLs it once `batches` batches are committed (a crash mid-import). */
function importUntilKilled(batches: number): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [...sampanNodeArgs(), 'import', 'customers', csv, '--batch-size', '500', ...target],
      { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn' } },
    );
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
      if ((err.match(/ rows\/s /g) ?? []).length >= batches) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? done(err) : fail(new Error(`finished before the kill (${code}):\n${err}`)),
    );
  });
}

describe('sampan import customers', () => {
  it('refuses bad arguments with exit code 2', async () => {
    expect(() => parseImportArgs([])).toThrow(UsageError);
    expect(() => parseImportArgs([csv, '--on-match', 'create'])).toThrow('--on-match must be one of update, skip');
    expect(() => parseImportArgs([csv, '--encoding', 'latin1'])).toThrow(UsageError);
    expect(parseImportArgs([csv, '--delimiter', 'tab'])).toMatchObject({
      delimiter: '\t',
      options: {},
      resume: true,
    });
    expect(parseImportArgs([csv, '--on-match', 'skip'])).toMatchObject({ options: { onMatch: 'skip' } });
    expect(() => parseImportArgs([csv, '--batch-size', '50001'])).toThrow(
      '--batch-size must be a whole number from 1 to 50,000',
    );
    const result = await runCli(['import', 'customers', join(dir, 'missing.csv'), ...target]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no such file');
    const batch = await runCli(['import', 'customers', csv, '--batch-size', '0', ...target]);
    expect(batch.code).toBe(2);
    expect(batch.stderr).toContain('sampan: --batch-size must be a whole number from 1 to 50,000');
    expect(batch.stdout).toBe('');
  }, 180_000);

  it('survives being killed mid-import: running again resumes after the last committed batch, with no duplicates', async () => {
    const killed = await importUntilKilled(3);
    expect(killed).toContain('Columns: ชื่อ → firstName');
    const resumed = await runCli(['import', 'customers', csv, '--batch-size', '500', ...target], {}, 300_000);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(/Resuming import [0-9a-f-]+ after line [1-9]/);
    const rejected = ROWS / 500;
    expect(resumed.stdout).toContain(
      `Import completed: ${ROWS.toLocaleString('en')} rows — ${(ROWS * 0.9).toLocaleString('en')} created, ${ROWS * 0.1 - rejected} updated, 0 skipped, ${rejected} rejected`,
    );
    const report = readFileSync(join(dir, 'people.rejected.csv'), 'utf8');
    expect(report.split('\n').filter(Boolean)).toHaveLength(rejected + 1);
    expect(report).toContain('501,email: not a valid email address');

    const database = await openTarget();
    try {
      const [c] = await database.query<{ n: number }>(
        `select count(*)::int as n from customers where last_name = 'ทดสอบ'`,
      );
      expect(c?.n).toBe(ROWS * 0.9);
      const [d] = await database.query<{ n: number }>(
        `select count(*)::int as n from (select value from customer_identities group by kind, system, value having count(*) > 1) x`,
      );
      expect(d?.n).toBe(0);
      const [p] = await database.query<{ n: number }>(
        `select count(*)::int as n from customer_identities where kind = 'phone'`,
      );
      expect(p?.n).toBe(ROWS * 0.9);
    } finally {
      await database.close();
    }
  }, 400_000);

  it("applies a saved template's --on-match unless the command line gives one", async () => {
    const database = await openTarget();
    try {
      await database.db.insert(importMappings).values({
        kind: 'customers',
        name: 'shop-skip',
        mapping: { Given: 'firstName', Mail: 'email' },
        options: { onMatch: 'skip' },
      });
    } finally {
      await database.close();
    }
    const first = join(dir, 'template-first.csv');
    writeFileSync(first, 'Given,Mail\nวิภา,wipa@template.test\n');
    const created = await runCli(['import', 'customers', first, '--mapping', 'shop-skip', ...target], {}, 120_000);
    // The order of a jsonb object's keys is the database's, not the template's.
    expect(created.stderr).toMatch(/Columns: .*Given → firstName/);
    expect(created.stderr).toMatch(/Columns: .*Mail → email/);
    expect(created.stdout).toContain('Import completed: 1 rows — 1 created, 0 updated, 0 skipped, 0 rejected');
    const again = join(dir, 'template-again.csv');
    writeFileSync(again, 'Given,Mail\nวิภาวี,wipa@template.test\n');
    const skipped = await runCli(['import', 'customers', again, '--mapping', 'shop-skip', ...target], {}, 120_000);
    expect(skipped.stdout).toContain('Import completed: 1 rows — 0 created, 0 updated, 1 skipped, 0 rejected');
    const updated = await runCli(
      ['import', 'customers', again, '--mapping', 'shop-skip', '--on-match', 'update', ...target],
      {},
      120_000,
    );
    expect(updated.stdout).toContain('Import completed: 1 rows — 0 created, 1 updated, 0 skipped, 0 rejected');
    const check = await openTarget();
    try {
      const rows = await check.query<{ first_name: string }>(
        `select first_name from customers where first_name like 'วิภา%'`,
      );
      expect(rows).toEqual([{ first_name: 'วิภาวี' }]);
    } finally {
      await check.close();
    }
  }, 400_000);
});
