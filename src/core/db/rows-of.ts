import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from './database.ts';

/** Rows of a raw query, the same shape on both drivers (PGlite and node-postgres). */
export async function rowsOf<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
