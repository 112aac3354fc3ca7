import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database } from '../db/database.ts';
import { appliedSchemaVersion, MIGRATIONS_DIR, migrateDatabase } from '../db/migrate.ts';

/** The same advisory lock key as src/core/db/migrate.ts, so replicas and restores take turns. */
const MIGRATION_LOCK_KEY = 7_246_913_001;

interface Journal {
  entries: { idx: number; tag: string; when: number }[];
}

/**
 * Applies migrations up to `version` only. A restore loads an old backup into the schema
 * it was made from, then runs the later migrations over the restored rows, exactly as an
 * upgrade of that database would have.
 */
export async function migrateToVersion(database: Database, version: number): Promise<void> {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as Journal;
  if (version >= journal.entries.length) return migrateDatabase(database);
  if (version <= (await appliedSchemaVersion(database))) return;
  const dir = mkdtempSync(join(tmpdir(), 'sampan-migrations-'));
  try {
    mkdirSync(join(dir, 'meta'));
    const entries = journal.entries.slice(0, version);
    writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
    for (const e of entries) copyFileSync(join(MIGRATIONS_DIR, `${e.tag}.sql`), join(dir, `${e.tag}.sql`));
    await runMigrations(database, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runMigrations(database: Database, migrationsFolder: string): Promise<void> {
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
