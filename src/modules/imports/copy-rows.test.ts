import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import type { Db } from '../../core/db/database.ts';
import { CopyRows, copyRows } from './copy-rows.ts';

let testDb: TestDatabase;
let db: Db;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.database.db;
  await db.execute(sql`create table copy_probe (n int primary key, t text, at timestamptz, ok boolean, doc jsonb)`);
});
afterAll(() => testDb.cleanup());

const AT = '2026-04-13T07:30:00.123Z';
/** `at` as whether it is the instant AT (drivers return timestamps of raw queries differently). */
const rowsOf = async () =>
  (
    (await db.execute(
      sql`select n, t, at = ${AT}::timestamptz as at, ok, doc from copy_probe order by n`,
    )) as unknown as {
      rows: { n: number; t: string | null; at: boolean | null; ok: boolean | null; doc: unknown }[];
    }
  ).rows;

describe('COPY rows in a transaction', () => {
  it('round-trips text that COPY escapes, NULLs, instants, booleans and JSON on this driver', async () => {
    const tricky = ['tab\there', 'line\nbreak\r\nend', 'back\\slash \\N \\t', 'ไทย "quoted", comma', ''];
    const at = new Date(AT);
    const rows = new CopyRows('copy_probe', ['n', 't', 'at', 'ok', 'doc']);
    tricky.forEach((t, i) => {
      rows.add([i + 1, t, at, i % 2 === 0, { text: t, n: i }]);
    });
    rows.add([99, null, null, null, null]);
    // More than one 64 KB piece.
    for (let i = 100; i < 3100; i++) rows.add([i, 'x'.repeat(40), at, true, { i }]);
    await db.transaction((tx) => copyRows(tx, rows));

    const back = await rowsOf();
    expect(back).toHaveLength(tricky.length + 1 + 3000);
    tricky.forEach((t, i) => {
      expect(back[i]).toEqual({ n: i + 1, t, at: true, ok: i % 2 === 0, doc: { text: t, n: i } });
    });
    expect(back[tricky.length]).toEqual({ n: 99, t: null, at: null, ok: null, doc: null });
  });

  it('a failing row fails the statement and its transaction writes nothing', async () => {
    const rows = new CopyRows('copy_probe', ['n', 't']);
    rows.add([5000, 'new']);
    rows.add([1, 'duplicate key']);
    const failed = await db
      .transaction(async (tx) => {
        await tx.execute(sql`insert into copy_probe (n, t) values (4999, 'before')`);
        await copyRows(tx, rows);
      })
      .catch((e: unknown) => e);
    expect(String((failed as Error & { cause?: unknown }).cause ?? failed)).toMatch(/duplicate key|copy_probe_pkey/);
    const left = (await rowsOf()).filter((r) => r.n >= 4999);
    expect(left).toEqual([]);
  });

  it('refuses to run outside a transaction', async () => {
    await expect(copyRows(db, Object.assign(new CopyRows('copy_probe', ['n']), { count: 1 }))).rejects.toThrow(
      /transaction|connection/,
    );
  });
});
