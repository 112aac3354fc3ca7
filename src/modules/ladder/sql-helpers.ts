import { type SQL, sql } from 'drizzle-orm';

export { rowsOf } from '../../core/db/rows-of.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A list of uuids as one parameter (an array literal), usable as `col = any(…)` however
 * long the list. A literal rather than a subquery, so the planner knows how many ids there
 * are and hash-joins a 5,000-customer batch instead of looping over it. Anything that is
 * not a uuid is left out.
 */
export function uuidArray(values: readonly string[]): SQL {
  return sql`${`{${values.filter((v) => UUID.test(v)).join(',')}}`}::uuid[]`;
}

export function textArray(values: readonly string[]): SQL {
  return sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
}
