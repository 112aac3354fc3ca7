import type { Database } from '../db/database.ts';

/** A query on one connection inside one transaction. */
export type SessionQuery = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

/**
 * Runs `fn` in one transaction on one connection: a dedicated pool client on PostgreSQL,
 * the single session on PGlite (where every other query waits until it ends).
 * `setup` runs first inside the transaction (e.g. SET TRANSACTION ISOLATION LEVEL).
 */
export async function inTransaction<T>(
  database: Database,
  setup: string[],
  fn: (q: SessionQuery) => Promise<T>,
): Promise<T> {
  if (database.kind === 'pglite') {
    const pglite = database.pglite;
    if (!pglite) throw new Error('PGlite database without its client');
    return pglite.transaction(async (tx) => {
      const q: SessionQuery = async <R>(text: string, params: unknown[] = []) => (await tx.query<R>(text, params)).rows;
      for (const s of setup) await q(s);
      return fn(q);
    });
  }
  const pool = database.pool;
  if (!pool) throw new Error('PostgreSQL database without a pool');
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('begin');
    const q: SessionQuery = async <R>(text: string, params: unknown[] = []) =>
      (await client.query(text, params)).rows as R[];
    try {
      for (const s of setup) await q(s);
      const result = await fn(q);
      await client.query('commit');
      return result;
    } catch (err) {
      await client.query('rollback').catch(() => {
        broken = true;
      });
      throw err;
    }
  } finally {
    client.release(broken);
  }
}

/**
 * A consistent read-only snapshot: every query sees the database as it was at the first
 * one, while other writers go on (PostgreSQL) or wait (PGlite).
 */
export function inSnapshot<T>(database: Database, fn: (q: SessionQuery) => Promise<T>): Promise<T> {
  return inTransaction(
    database,
    [
      'set transaction isolation level repeatable read, read only',
      // Stable, driver-independent text for the values that depend on session settings.
      `set local timezone = 'UTC'`,
      `set local bytea_output = 'hex'`,
      `set local intervalstyle = 'iso_8601'`,
      'set local extra_float_digits = 1',
    ],
    fn,
  );
}
