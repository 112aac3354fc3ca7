import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { inject } from 'vitest';
import type { Database } from '../../src/core/db/database.ts';
import { openDatabase, wrapPglite } from '../../src/core/db/open-database.ts';
import { sharedParsers } from '../../src/core/db/type-parsers.ts';
import { testDatabaseKind, testDatabaseUrl } from './test-env.ts';

export interface TestDatabase {
  database: Database;
  /** PostgreSQL only: the URL of this test's own database. */
  url?: string;
  cleanup(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file, on the driver this run tests:
 * PGlite in memory, loaded from a migrated template (no initdb, no migrations), or a
 * PostgreSQL database created from a migrated template database.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDatabaseKind() === 'postgres') {
    const base = testDatabaseUrl();
    const name = `sampan_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    try {
      await admin.query(`create database ${name} template ${inject('pgTemplate')}`);
    } finally {
      await admin.end();
    }
    const url = withDatabase(base, name);
    const database = await openDatabase({ databaseUrl: url, poolMax: 5 });
    return {
      database,
      url,
      async cleanup() {
        await database.close();
        const c = new pg.Client({ connectionString: base });
        await c.connect();
        try {
          await c.query(`drop database if exists ${name} with (force)`);
        } finally {
          await c.end();
        }
      },
    };
  }
  const blob = new Blob([readFileSync(inject('pgliteTemplate'))]);
  const client = await PGlite.create({ loadDataDir: blob, parsers: sharedParsers, extensions: { pg_trgm } });
  const database = wrapPglite(client, 'memory');
  return { database, cleanup: () => database.close() };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
