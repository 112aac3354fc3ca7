import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, withDatabase } from '../../../test/support/test-database.ts';
import { testDatabaseKind, testDatabaseUrl } from '../../../test/support/test-env.ts';
import { auditLog } from '../audit/schema.ts';
import { appliedSchemaVersion, knownSchemaVersion, migrateDatabase } from './migrate.ts';
import { openDatabase } from './open-database.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.cleanup();
});

describe(`values come back the same on both drivers (${testDatabaseKind()})`, () => {
  it('int8, big int8, numeric, date, timestamptz, jsonb, arrays through raw queries', async () => {
    const [row] = await t.database.query(
      `select 42::int8 as small, 9007199254740993::int8 as big, count(*) as n, 12.50::numeric(10,2) as amount,
              '2024-02-29'::date as day, '2024-02-29T10:00:00+07:00'::timestamptz as at,
              '{"a":[1,"ไทย"]}'::jsonb as doc, array['ก','b'] as tags, null::text as nothing
       from generate_series(1, 3)`,
    );
    expect(row).toEqual({
      small: 42,
      big: 9007199254740993n,
      n: 3,
      amount: '12.50',
      day: '2024-02-29',
      at: new Date('2024-02-29T03:00:00.000Z'),
      doc: { a: [1, 'ไทย'] },
      tags: ['ก', 'b'],
      nothing: null,
    });
  });

  it('typed Drizzle columns map the same (bigint identity as number, timestamps as Date)', async () => {
    const [inserted] = await t.database.db
      .insert(auditLog)
      .values({
        actorType: 'system',
        source: 'cli',
        entityType: 'test',
        action: 'probe',
        changes: { x: { before: null, after: 'ข' } },
      })
      .returning();
    expect(typeof inserted?.id).toBe('number');
    expect(inserted?.at).toBeInstanceOf(Date);
    const [{ n } = { n: -1 }] = await t.database.db.select({ n: sql<number>`count(*)` }).from(auditLog);
    expect(typeof n).toBe('number');
  });

  it('rolls a failed transaction back completely', async () => {
    await expect(
      t.database.db.transaction(async (tx) => {
        await tx
          .insert(auditLog)
          .values({ actorType: 'system', source: 'cli', entityType: 'test', action: 'rolled-back' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const rows = await t.database.query(`select 1 from audit_log where action = 'rolled-back'`);
    expect(rows).toEqual([]);
  });
});

describe('migrations', () => {
  it('apply on a fresh database, are idempotent, and reach the known version', async () => {
    if (testDatabaseKind() === 'pglite') {
      const db = await openDatabase({ memory: true });
      try {
        expect(await appliedSchemaVersion(db)).toBe(0);
        await migrateDatabase(db);
        await migrateDatabase(db);
        expect(await appliedSchemaVersion(db)).toBe(knownSchemaVersion());
        const tables = await db.query<{ t: string }>(
          `select tablename as t from pg_tables where schemaname = 'public' order by 1`,
        );
        expect(tables.map((r) => r.t)).toEqual(
          expect.arrayContaining(['users', 'api_tokens', 'audit_log', 'outbox', 'settings', 'sessions', 'teams']),
        );
      } finally {
        await db.close();
      }
      return;
    }
    const name = `sampan_m_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: testDatabaseUrl() });
    await admin.connect();
    await admin.query(`create database ${name}`);
    try {
      // Two replicas starting at once: the advisory lock makes them take turns.
      const a = await openDatabase({ databaseUrl: withDatabase(testDatabaseUrl(), name) });
      const b = await openDatabase({ databaseUrl: withDatabase(testDatabaseUrl(), name) });
      await Promise.all([migrateDatabase(a), migrateDatabase(b)]);
      expect(await appliedSchemaVersion(a)).toBe(knownSchemaVersion());
      await a.close();
      await b.close();
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
