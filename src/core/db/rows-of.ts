import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from './database.ts';

/** Rows of a raw query, the same shape on both drivers (PGlite and node-postgres). */
export async function rowsOf<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** A table or column name found at run time (information_schema), quoted for raw SQL. */
export function ident(name: string): SQL {
  return sql.raw(`"${name.replace(/"/g, '""')}"`);
}
