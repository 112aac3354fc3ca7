import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/run-cli.ts';
import { seedDataDir } from '../../../test/support/seed-data-dir.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { testDatabaseKind } from '../../../test/support/test-env.ts';
import { UsageError } from '../cli-error.ts';
import { parseImportLeadsArgs } from './import-leads.ts';

let dir: string;
let csv: string;
let target: string[];
let testDb: TestDatabase | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sampan-import-leads-cli-'));
  csv = join(dir, 'leads.csv');
  writeFileSync(
    csv,
    [
      'Name,Company,Email,Phone,Province,Source',
      'สมชาย ใจดี,ไร่ชาเหนือ,somchai@example.com,081-234-5678,เชียงใหม่,event',
      'สมหญิง รักดี,ร้านกาแฟใต้,somying@example.com,02 123 4567,สงขลา,form',
      'ผิด เบอร์,ร้านเบอร์ผิด,bad@example.com,12345,,',
    ].join('\n'),
  );
  if (testDatabaseKind() === 'postgres') {
    testDb = await createTestDatabase();
    target = ['--database-url', testDb.url ?? ''];
  } else {
    target = ['--data-dir', seedDataDir(join(dir, 'data'))];
  }
});
afterAll(async () => {
  await testDb?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('sampan import leads', () => {
  it('refuses bad arguments', () => {
    expect(() => parseImportLeadsArgs([])).toThrow(UsageError);
    expect(() => parseImportLeadsArgs([join(tmpdir(), 'no-such-file.csv')])).toThrow('no such file');
    expect(() => parseImportLeadsArgs([csv, '--on-duplicate', 'merge'])).toThrow(
      '--on-duplicate must be one of skip, create',
    );
    expect(parseImportLeadsArgs([csv, '--on-duplicate', 'create'])).toMatchObject({
      options: { onDuplicate: 'create' },
    });
    expect(() => parseImportLeadsArgs([csv, '--batch-size', 'ten'])).toThrow(
      '--batch-size must be a whole number from 1 to 50,000',
    );
  });

  it('exits with code 2 and says why on a bad --batch-size', async () => {
    const result = await runCli(['import', 'leads', csv, '--batch-size', '0', ...target]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('sampan: --batch-size must be a whole number from 1 to 50,000');
    expect(result.stdout).toBe('');
  });

  it('imports with the headers mapped, writes the rejected rows, and skips the leads already there when run again', async () => {
    const dry = await runCli(['import', 'leads', csv, '--dry-run', ...target], {}, 120_000);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Dry run completed: 3 rows — 2 leads created, 0 skipped');
    const first = await runCli(['import', 'leads', csv, ...target], {}, 120_000);
    expect(first.stderr).toContain('Name → name, Company → company, Email → email, Phone → phone');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Import completed: 3 rows — 2 leads created, 0 skipped (already leads), 1 rejected');
    const report = join(dir, 'leads.rejected.csv');
    expect(existsSync(report)).toBe(true);
    expect(readFileSync(report, 'utf8')).toContain('phone: not a valid phone number');
    const again = await runCli(['import', 'leads', csv, ...target], {}, 120_000);
    expect(again.stdout).toContain('0 leads created, 2 skipped (already leads), 1 rejected');
  }, 300_000);

  it('takes the columns from a mapping file, and refuses a file that holds no mapping', async () => {
    const odd = join(dir, 'odd-headers.csv');
    writeFileSync(odd, ['Who,Mail', 'วิภา สายลม,wipa@example.com'].join('\n'));
    const mapping = join(dir, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ mapping: { Who: 'name', Mail: 'email' } }));
    const mapped = await runCli(['import', 'leads', odd, '--mapping', mapping, ...target], {}, 120_000);
    expect(mapped.stderr).toContain('Who → name, Mail → email');
    expect(mapped.stdout).toContain('Import completed: 1 rows — 1 leads created');
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ mapping: 5 }));
    const refused = await runCli(['import', 'leads', odd, '--no-resume', '--mapping', broken, ...target], {}, 120_000);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('holds no mapping object');
  }, 300_000);
});
