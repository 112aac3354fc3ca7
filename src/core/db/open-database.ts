import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import type { Database, Db } from './database.ts';
import { sharedParsers } from './type-parsers.ts';

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir?: string;
  /** In-memory PGlite, for tests and tools that need no files. */
  memory?: boolean;
  poolMax?: number;
}

export interface OpenedDatabase extends Database {
  lock?: DataDirLock;
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable url)';
  }
}

export async function openDatabase(options: OpenOptions): Promise<OpenedDatabase> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolMax ?? 10);
  if (options.memory)
    return wrapPglite(await PGlite.create({ parsers: sharedParsers, extensions: { pg_trgm } }), 'memory');
  if (!options.dataDir) throw new Error('openDatabase needs dataDir, databaseUrl or memory');
  return openPglite(options.dataDir);
}

async function openPglite(dataDir: string): Promise<OpenedDatabase> {
  const lock = acquireDataDirLock(dataDir);
  try {
    // PGlite does not create missing parents itself.
    mkdirSync(dataDir, { recursive: true });
    const client = await PGlite.create({ dataDir, parsers: sharedParsers, extensions: { pg_trgm } });
    const wrapped = wrapPglite(client, dataDir);
    const close = wrapped.close;
    return {
      ...wrapped,
      lock,
      close: async () => {
        try {
          await close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (err) {
    lock.release();
    throw err;
  }
}

export function wrapPglite(client: PGlite, label: string): Database {
  return {
    kind: 'pglite',
    label,
    db: drizzlePglite(client) as unknown as Db,
    pglite: client,
    async query<T>(text: string, params: unknown[] = []) {
      return (await client.query<T>(text, params)).rows;
    },
    async exec(text: string) {
      await client.exec(text);
    },
    async close() {
      if (!client.closed) await client.close();
    },
  };
}

async function openPostgres(url: string, max: number): Promise<OpenedDatabase> {
  // Drizzle's node-postgres session passes its own per-query parsers that fall back to
  // pg's global table, so the shared parsers must be in that table too.
  for (const [oid, parser] of Object.entries(sharedParsers)) pg.types.setTypeParser(Number(oid), parser);
  const pool = new pg.Pool({
    connectionString: url,
    max,
    application_name: 'sampan',
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        const parser = sharedParsers[oid];
        return parser ?? pg.types.getTypeParser(oid, format ?? 'text');
      }) as typeof pg.types.getTypeParser,
    },
  });
  // A broken idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const probe = await pool.connect();
  probe.release();
  return {
    kind: 'postgres',
    label: redactUrl(url),
    db: drizzlePg(pool) as unknown as Db,
    pool,
    async query<T>(text: string, params: unknown[] = []) {
      return (await pool.query(text, params)).rows as T[];
    },
    async exec(text: string) {
      await pool.query(text);
    },
    async close() {
      await pool.end();
    },
  };
}
