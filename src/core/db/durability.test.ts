import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDataDir } from '../../../test/support/seed-data-dir.ts';
import { testDatabaseKind } from '../../../test/support/test-env.ts';
import { migrateDatabase } from './migrate.ts';
import { openDatabase } from './open-database.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

describe.skipIf(testDatabaseKind() !== 'pglite')('PGlite durability (embedded database only)', () => {
  it('a write committed before kill -9 is there after restart', async () => {
    // Migrated from the template, so the child only opens the directory and commits.
    const dir = seedDataDir(join(mkdtempSync(join(tmpdir(), 'sampan-kill-')), 'data'));
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/support/commit-then-idle.ts'), dir], {
      cwd: ROOT,
    });
    let out = '';
    await new Promise<void>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`child never committed: ${out}`)), 60_000);
      child.stdout.on('data', (d) => {
        out += d;
        if (out.includes('COMMITTED')) {
          clearTimeout(timer);
          done();
        }
      });
      child.stderr.on('data', (d) => (out += d));
    });
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;

    const db = await openDatabase({ dataDir: dir });
    try {
      await migrateDatabase(db);
      const rows = await db.query<{ value: unknown }>(`select value from settings where key = 'durability'`);
      expect(rows).toEqual([{ value: 'committed before kill' }]);
    } finally {
      await db.close();
    }
  });
});
