import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { PACKAGE_ROOT } from '../package-root.ts';
import type { Database } from './database.ts';

export const MIGRATIONS_DIR = join(PACKAGE_ROOT, 'migrations');

/** Arbitrary constant: replicas starting together take turns to migrate. */
const MIGRATION_LOCK_KEY = 7_246_913_001;

interface Journal {
  entries: { idx: number; tag: string }[];
}

/** The schema version this program knows: the number of migrations it ships. */
export function knownSchemaVersion(): number {
  const journal = JSON.parse(readFileSync(`${MIGRATIONS_DIR}/meta/_journal.json`, 'utf8')) as Journal;
  return journal.entries.length;
}

/** The number of migrations applied to this database (0 for a fresh one). */
export async function appliedSchemaVersion(database: Database): Promise<number> {
  const [exists] = await database.query<{ ok: boolean }>(
    `select to_regclass('drizzle.__drizzle_migrations') is not null as ok`,
  );
  if (!exists?.ok) return 0;
  const [row] = await database.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
  return row?.n ?? 0;
}

/** Applies pending migrations from `migrationsFolder` (the shipped ones by default). */
export async function migrateDatabase(database: Database, migrationsFolder = MIGRATIONS_DIR): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  const pool = database.pool;
  if (!pool) throw new Error('postgres database without a pool');
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migratePg(drizzlePg(client), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
