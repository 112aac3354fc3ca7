import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/run-cli.ts';
import { seedDataDir } from '../../../test/support/seed-data-dir.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { testDatabaseKind } from '../../../test/support/test-env.ts';
import { migrateDatabase } from '../../core/db/migrate.ts';
import { openDatabase } from '../../core/db/open-database.ts';
import { loadCdnowOrders } from '../../modules/analytics/testing/load-cdnow-orders.ts';

let dir: string;
let target: string[];
let testDb: TestDatabase | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sampan-analytics-cli-'));
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

async function loadCdnow(): Promise<void> {
  const database = testDb
    ? await openDatabase({ databaseUrl: testDb.url, poolMax: 2 })
    : await openDatabase({ dataDir: join(dir, 'data') });
  try {
    await migrateDatabase(database);
    await loadCdnowOrders(database.db);
  } finally {
    await database.close();
  }
}

describe('sampan analytics recompute', () => {
  it('explains, with exit code 1, that there is nothing to score before any order', async () => {
    const result = await runCli(['analytics', 'recompute', ...target], { LANG: 'en_US.UTF-8' }, 120_000);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no paid orders');
  });

  it('refuses a date that does not exist', async () => {
    const result = await runCli(['analytics', 'recompute', '--calibration-end', '1998-02-30', ...target], {
      LANG: 'th_TH.UTF-8',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ไม่ใช่วันที่');
  });

  it('scores every CDNOW customer', async () => {
    await loadCdnow();
    const result = await runCli(['analytics', 'recompute', '--calibration-end', '1998-06-30', ...target], {}, 120_000);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('calibration end 1998-06-30, time unit week');
    expect(result.stdout).toMatch(/Scored 2357 customers \(\d+ repeat buyers\)/);
  });
});
