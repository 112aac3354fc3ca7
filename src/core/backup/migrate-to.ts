import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../db/database.ts';
import { appliedSchemaVersion, MIGRATIONS_DIR, migrateDatabase } from '../db/migrate.ts';

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
    await migrateDatabase(database, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
