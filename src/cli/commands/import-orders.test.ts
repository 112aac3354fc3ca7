import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/run-cli.ts';
import { seedDataDir } from '../../../test/support/seed-data-dir.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { testDatabaseKind } from '../../../test/support/test-env.ts';
import { UsageError } from '../cli-error.ts';
import { parseImportOrdersArgs } from './import-orders.ts';

let dir: string;
let csv: string;
let target: string[];
let testDb: TestDatabase | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sampan-import-orders-cli-'));
  csv = join(dir, 'orders.csv');
  writeFileSync(
    csv,
    [
      'Customer ID,Order No,Order Date,Product,Qty,Amount,Currency',
      'M-1,S-1,2026-01-05,กาแฟ,2,120.50,THB',
      'M-1,S-1,2026-01-05,ขนม,1,30,THB',
      'M-2,S-2,2026-01-06,ชา,1,-5,THB',
      'M-3,S-3,2026-01-07,ชา,1,45,THB',
    ].join('\n'),
  );
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

describe('sampan import orders', () => {
  it('refuses bad arguments', () => {
    expect(() => parseImportOrdersArgs([])).toThrow(UsageError);
    expect(() => parseImportOrdersArgs([join(tmpdir(), 'no-such-file.csv')])).toThrow('no such file');
    expect(() => parseImportOrdersArgs([csv, '--unknown-customer', 'maybe'])).toThrow(
      '--unknown-customer must be one of create, reject',
    );
    expect(parseImportOrdersArgs([csv, '--external-system', 'shop', '--unknown-sku', 'reject'])).toMatchObject({
      options: { externalSystem: 'shop', unknownSku: 'reject' },
    });
    expect(() => parseImportOrdersArgs([csv, '--batch-size', '0'])).toThrow(
      '--batch-size must be a whole number from 1 to 50,000',
    );
  });

  it('exits with code 2 and says why on a bad --batch-size', async () => {
    const result = await runCli(['import', 'orders', csv, '--batch-size', '100000', ...target]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('sampan: --batch-size must be a whole number from 1 to 50,000');
    expect(result.stdout).toBe('');
  });

  it('imports with the headers mapped, writes the rejected rows, and skips what exists when run again', async () => {
    const dry = await runCli(['import', 'orders', csv, '--dry-run', ...target], {}, 120_000);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Dry run completed: 4 rows — 3 order lines created, 0 skipped');
    const first = await runCli(['import', 'orders', csv, ...target], {}, 120_000);
    expect(first.stderr).toContain('Customer ID → customerExternalId');
    expect(first.stderr).toMatch(/4 rows\s+\d+ rows\/s/);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      'Import completed: 4 rows — 3 order lines created, 0 skipped (orders already there), 1 rejected',
    );
    const report = join(dir, 'orders.rejected.csv');
    expect(existsSync(report)).toBe(true);
    expect(readFileSync(report, 'utf8')).toContain('amount: must not be negative');
    const again = await runCli(['import', 'orders', csv, ...target], {}, 120_000);
    expect(again.stdout).toContain('0 order lines created, 3 skipped (orders already there), 1 rejected');
  }, 300_000);
});
