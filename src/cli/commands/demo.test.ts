import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/run-cli.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { UsageError } from '../cli-error.ts';
import { parseDemoArgs, runDemo } from './demo.ts';

describe('sampan demo arguments', () => {
  it.each([
    ['--customers', '0'],
    ['--customers', '1000001'],
    ['--customers', 'many'],
    ['--customers', '1.5'],
    ['--customers', '1e3'],
    ['--seed', '1.5'],
    ['--seed', '4294967296'],
  ])('refuses %s %s', (flag, value) => {
    expect(() => parseDemoArgs([flag, value])).toThrow(UsageError);
    expect(() => parseDemoArgs([flag, value])).toThrow(`${flag} must be a whole number`);
  });

  it('takes sizes up to a million, and defaults to 500 customers with seed 42', () => {
    expect(parseDemoArgs([])).toMatchObject({ customers: 500, seed: 42, help: false });
    expect(parseDemoArgs(['--customers', '1000000', '--seed', '0'])).toMatchObject({ customers: 1_000_000, seed: 0 });
    expect(() => parseDemoArgs(['--unknown'])).toThrow(UsageError);
  });

  it('exits with code 2 on a bad argument, before opening any database', async () => {
    const result = await runCli(['demo', '--customers', '-5', '--data-dir', '/nonexistent/sampan-demo']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/sampan: .*--customers/);
  });
});

describe('sampan demo run', () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(() => testDb.cleanup());

  it('reports what it added, that nothing is added twice, and how to get an owner', async () => {
    const { db } = testDb.database;
    const first = (await runDemo(db, { customers: 30, seed: 3 })).join('\n');
    expect(first).toMatch(/staff: +10 added, 0 already there \(password "sampan-demo"\)/);
    expect(first).toMatch(/customers: 30 added, 0 already there/);
    expect(first).toMatch(/no owner yet/);
    const second = (await runDemo(db, { customers: 30, seed: 3 })).join('\n');
    expect(second).toMatch(/teams: +0 added, 4 already there/);
    expect(second).toMatch(/staff: +0 added, 10 already there/);
    expect(second).toMatch(/customers: 0 added, 30 already there/);
  });
});
