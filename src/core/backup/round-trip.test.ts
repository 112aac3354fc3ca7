import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { customers } from '../../modules/customers/schema.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { systemActor } from '../auth/principal.ts';
import { emitEvent } from '../events/emit-event.ts';
import { readBackupHeader, verifyBackupFile } from './read-backup.ts';
import { restoreBackup } from './restore-backup.ts';
import { fillSampleData, rowCounts, TRICKY_TAGS, tableContents } from './test-support.ts';
import { backupToFile } from './write-backup.ts';

describe('backup → restore round trip', () => {
  let source: TestDatabase;
  let target: TestDatabase;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sampan-backup-test-'));
    file = join(dir, 'round-trip.jsonl.gz');
    [source, target] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    await fillSampleData(source.database);
  });

  afterAll(async () => {
    await Promise.all([source?.cleanup(), target?.cleanup()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a complete file with a header, every public table and a trailer', async () => {
    const summary = await backupToFile(source.database, file);
    expect(summary.rows).toBeGreaterThan(300);
    expect(summary.bytes).toBe(statSync(file).size);
    const header = await readBackupHeader(file);
    expect(header).toMatchObject({ format: 'sampan-backup', formatVersion: 1, database: source.database.kind });
    const names = header.tables.map((t) => t.name);
    expect(names).toEqual(
      expect.arrayContaining(['users', 'teams', 'customers', 'audit_log', 'outbox', 'settings', 'api_tokens']),
    );
    expect(names.some((n) => n.includes('drizzle') || n.includes('job'))).toBe(false);
    // Parents before children.
    expect(names.indexOf('teams')).toBeLessThan(names.indexOf('users'));
    expect(names.indexOf('users')).toBeLessThan(names.indexOf('customers'));
    const { rows } = await verifyBackupFile(file);
    expect(rows).toBe(summary.rows);
  });

  it('restores into an empty database with every row of every table equal', async () => {
    const before = await tableContents(source.database);
    const summary = await restoreBackup(target.database, file);
    const after = await tableContents(target.database);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const table of Object.keys(before))
      expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] });
    expect(summary.rows).toBe(Object.values(before).reduce((n, rows) => n + rows.length, 0));
    expect(before.customers).toHaveLength(300);
  });

  it('gives the same JavaScript values through the ORM (Thai text, nulls, arrays, timestamps)', async () => {
    const read = (db: TestDatabase) => db.database.db.select().from(customers).orderBy(customers.createdAt);
    const [a, b] = await Promise.all([read(source), read(target)]);
    expect(b).toEqual(a);
    expect(b[0]?.tags).toEqual(TRICKY_TAGS);
    expect(b[1]?.displayName).toBe('คุณลูกค้า 1 ใจดี');
    expect(b[1]?.addressLine).toBe('line one\r\nline two "quoted" \\ back');
    expect(b[0]?.createdAt).toEqual(new Date(Date.UTC(2026, 0, 1, 3, 4, 5, 678)));
    expect(b.filter((c) => c.email === null).length).toBeGreaterThan(0);
  });

  it('carries identity sequences on: new rows get ids above everything restored or handed out', async () => {
    const seq = async (db: TestDatabase, name: string) =>
      Number(
        (
          await db.database.query<{ v: string }>(
            `select last_value::text as v from pg_sequences where sequencename = $1`,
            [name],
          )
        )[0]?.v,
      );
    const outboxBefore = await seq(source, 'outbox_id_seq');
    const auditMax = Number(
      (await target.database.query<{ m: string }>('select max(id)::text as m from audit_log'))[0]?.m,
    );
    await recordAudit(target.database.db, systemActor('cli'), {
      entityType: 'test',
      entityId: null,
      action: 'after-restore',
    });
    await emitEvent(target.database.db, {
      topic: 'after.restore',
      aggregateType: 'test',
      aggregateId: null,
      payload: {},
    });
    const [audit] = await target.database.query<{ id: string }>(
      `select id::text from audit_log where action = 'after-restore'`,
    );
    const [event] = await target.database.query<{ id: string }>(
      `select id::text from outbox where topic = 'after.restore'`,
    );
    expect(Number(audit?.id)).toBeGreaterThan(auditMax);
    // The outbox's newest rows were deleted before the backup; their ids are not reused.
    expect(Number(event?.id)).toBe(outboxBefore + 1);
  });

  it('refuses a target that already holds data and leaves it unchanged', async () => {
    const before = await tableContents(source.database);
    await expect(restoreBackup(source.database, file, { target: 'the source' })).rejects.toMatchObject({
      code: 'restore_target_not_empty',
      params: { target: 'the source', detail: expect.stringContaining('customers') },
    });
    expect(await tableContents(source.database)).toEqual(before);
  });

  it('restores only into emptiness: counts on the target are the backup counts', async () => {
    const counts = await rowCounts(target.database);
    expect(counts.customers).toBe(300);
  });
});
