import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';
import { migrateDatabase } from '../../src/core/db/migrate.ts';
import { openDatabase } from '../../src/core/db/open-database.ts';
import { withDatabase } from './test-database.ts';
import { PG_TEMPLATE_DB, PGLITE_TEMPLATE_FILE, testDatabaseKind, testDatabaseUrl } from './test-env.ts';

/** Migrates one template per run; every test file then copies it. */
export default async function setup(): Promise<void> {
  if (testDatabaseKind() === 'postgres') {
    const base = testDatabaseUrl();
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    try {
      await admin.query(`drop database if exists ${PG_TEMPLATE_DB} with (force)`);
      await admin.query(`create database ${PG_TEMPLATE_DB}`);
      // Leftovers of an interrupted run.
      const { rows } = await admin.query<{ datname: string }>(
        `select datname from pg_database where datname like 'sampan_t_%'`,
      );
      for (const r of rows) await admin.query(`drop database if exists ${r.datname} with (force)`);
    } finally {
      await admin.end();
    }
    const database = await openDatabase({ databaseUrl: withDatabase(base, PG_TEMPLATE_DB) });
    await migrateDatabase(database);
    await database.close();
    return;
  }
  const database = await openDatabase({ memory: true });
  await migrateDatabase(database);
  const dump = await database.pglite?.dumpDataDir('gzip');
  if (!dump) throw new Error('could not dump the PGlite template');
  mkdirSync(dirname(PGLITE_TEMPLATE_FILE), { recursive: true });
  writeFileSync(PGLITE_TEMPLATE_FILE, Buffer.from(await dump.arrayBuffer()));
  await database.close();
}
