import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';

/** Rows of a raw query, the same shape on both drivers. */
export async function rowsOf<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** A list of uuids as one parameter, usable as `col = any(…)` however long the list. */
export function uuidArray(values: readonly string[]): SQL {
  return sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb)::uuid)`;
}

export function textArray(values: readonly string[]): SQL {
  return sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
}
