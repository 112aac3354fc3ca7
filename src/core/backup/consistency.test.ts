import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { customers } from '../../modules/customers/schema.ts';
import type { Database } from '../db/database.ts';
import { emitEvent } from '../events/emit-event.ts';
import { restoreBackup } from './restore-backup.ts';
import { fillSampleData, tableContents } from './test-support.ts';
import { backupToFile } from './write-backup.ts';

/** Rows per table in a backup file, filtered by a predicate on the raw row text. */
function rowsIn(file: string, table: string, match: (line: string) => boolean = () => true): number {
  let current = '';
  let n = 0;
  for (const line of gunzipSync(readFileSync(file)).toString('utf8').split('\n')) {
    if (line.startsWith('{"table":')) current = (JSON.parse(line) as { table: string }).table;
    else if (current === table && !line.startsWith('{"end":') && match(line)) n++;
  }
  return n;
}

/** One customer and one matching outbox event per transaction: any consistent view has equal counts. */
async function writePair(database: Database, i: number): Promise<void> {
  await database.db.transaction(async (tx) => {
    await tx.insert(customers).values({ displayName: `ระหว่างสำรอง ${i}`, source: 'during-backup' });
    await emitEvent(tx, { topic: 'during.backup', aggregateType: 'customer', aggregateId: null, payload: { i } });
  });
}

describe('backup while writers go on', () => {
  let source: TestDatabase;
  let target: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sampan-consistency-'));
    [source, target] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    await fillSampleData(source.database, 2000);
  });

  afterAll(async () => {
    await Promise.all([source?.cleanup(), target?.cleanup()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds the database as it was when the snapshot was taken', async () => {
    const before = await tableContents(source.database);
    const file = join(dir, 'snapshot.jsonl.gz');
    let writes: Promise<void> | undefined;
    await backupToFile(source.database, file, {
      onSnapshot: async () => {
        writes = (async () => {
          for (let i = 0; i < 20; i++) await writePair(source.database, i);
        })();
        // PostgreSQL: these commit while the dump runs. PGlite: they wait for it (one session).
        if (source.database.kind === 'postgres') await writes;
      },
    });
    await writes;
    expect((await tableContents(source.database)).customers).toHaveLength((before.customers?.length ?? 0) + 20);
    await restoreBackup(target.database, file);
    expect(await tableContents(target.database)).toEqual(before);
  });

  it('sees every table at one instant while a writer keeps committing', async () => {
    const file = join(dir, 'racing.jsonl.gz');
    let stop = false;
    let written = 0;
    const writer = (async () => {
      while (!stop) {
        await writePair(source.database, 1000 + written);
        written++; // counted once committed
        // PGlite answers without I/O: give timers and the backup their turn, as a server would.
        await new Promise((r) => setImmediate(r));
      }
    })();
    // Let the writer get going, then back up while it runs.
    while (written < 5) await new Promise((r) => setTimeout(r, 5));
    await backupToFile(source.database, file);
    const afterBackup = written;
    stop = true;
    await writer;
    const inFileCustomers = rowsIn(file, 'customers', (l) => l.includes('"source":"during-backup"'));
    const inFileEvents = rowsIn(file, 'outbox', (l) => l.includes('"topic":"during.backup"'));
    expect(inFileCustomers).toBe(inFileEvents);
    expect(inFileCustomers).toBeGreaterThanOrEqual(20 + 5);
    expect(afterBackup).toBeGreaterThan(5);
  });
});
