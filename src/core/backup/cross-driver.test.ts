import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { testDatabaseKind } from '../../../test/support/test-env.ts';
import { openDatabase } from '../db/open-database.ts';
import { readBackupHeader } from './read-backup.ts';
import { restoreBackup } from './restore-backup.ts';
import { createBlankPostgres, fillSampleData, tableContents } from './test-support.ts';
import { backupToFile } from './write-backup.ts';

const pgUrl = process.env.TEST_DATABASE_URL;
// Once per suite: in the PGlite run, with the PostgreSQL server CI provides.
const skip = !pgUrl || testDatabaseKind() !== 'pglite';

describe.skipIf(skip)('PGlite → PostgreSQL → PGlite (runs in the PGlite pass when TEST_DATABASE_URL is set)', () => {
  let source: TestDatabase;
  let dir: string;
  let original: Record<string, string[]>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sampan-cross-'));
    source = await createTestDatabase();
    await fillSampleData(source.database, 500);
    original = await tableContents(source.database);
  });

  afterAll(async () => {
    await source?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('moves a laptop database to a PostgreSQL server and back without losing anything', async () => {
    const fromLaptop = join(dir, 'laptop.jsonl.gz');
    await backupToFile(source.database, fromLaptop);
    expect((await readBackupHeader(fromLaptop)).database).toBe('pglite');

    const server = await createBlankPostgres(pgUrl as string);
    const fromServer = join(dir, 'server.jsonl.gz');
    try {
      await restoreBackup(server.database, fromLaptop);
      expect(await tableContents(server.database)).toEqual(original);
      await backupToFile(server.database, fromServer);
    } finally {
      await server.cleanup();
    }
    expect((await readBackupHeader(fromServer)).database).toBe('postgres');

    const laptop = await openDatabase({ memory: true });
    try {
      await restoreBackup(laptop, fromServer);
      expect(await tableContents(laptop)).toEqual(original);
    } finally {
      await laptop.close();
    }
  });
});
