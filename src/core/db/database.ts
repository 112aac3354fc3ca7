import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type pg from 'pg';

export type DatabaseKind = 'pglite' | 'postgres';

// biome-ignore lint/suspicious/noExplicitAny: the schema generic is not used; both drivers share this shape
export type Db = PgDatabase<PgQueryResultHKT, Record<string, any>>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Use cases take either, so a caller can compose several inside one transaction. */
export type DbOrTx = Db | Tx;

export interface Database {
  kind: DatabaseKind;
  /** Where the data lives, safe to log: a directory, or the URL without its password. */
  label: string;
  db: Db;
  /** Parameterised query returning rows, with values normalised the same on both drivers. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs parameterless SQL that may hold several statements. */
  exec(text: string): Promise<void>;
  close(): Promise<void>;
  pglite?: PGlite;
  pool?: pg.Pool;
}
