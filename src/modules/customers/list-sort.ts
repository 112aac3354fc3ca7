import { asc, desc, type SQL, sql } from 'drizzle-orm';
import { invalidField } from '../../core/errors/app-error.ts';
import { decodeCursor } from '../../core/http/pagination.ts';
import type { CustomerSort } from './list-filters.ts';
import { customers } from './schema.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function badCursor() {
  return invalidField('cursor', 'invalid cursor', 'ตัวชี้หน้าไม่ถูกต้อง');
}

/** ORDER BY of each sort; the id breaks ties so the keyset cursor is exact. */
export function customerOrder(sort: CustomerSort): SQL[] {
  switch (sort) {
    case 'created_desc':
      return [desc(customers.createdAt), desc(customers.id)];
    case 'created_asc':
      return [asc(customers.createdAt), asc(customers.id)];
    case 'name_asc':
      return [asc(customers.displayName), asc(customers.id)];
    case 'updated_desc':
      return [desc(customers.updatedAt), desc(customers.id)];
  }
}

/** The sort key of a row, as the cursor after it carries it. */
export function customerCursorKey(
  sort: CustomerSort,
  row: { id: string; displayName: string; createdAt: string; updatedAt: string },
): string[] {
  switch (sort) {
    case 'created_desc':
    case 'created_asc':
      return [row.createdAt, row.id];
    case 'name_asc':
      return [row.displayName, row.id];
    case 'updated_desc':
      return [row.updatedAt, row.id];
  }
}

/** The keyset condition "after this cursor" for a sort; a cursor of another shape is refused. */
export function customerAfterCursor(sort: CustomerSort, cursor: string | undefined): SQL | undefined {
  const values = decodeCursor(cursor, 2);
  if (!values) return undefined;
  const [key, id] = values;
  if (typeof key !== 'string' || typeof id !== 'string' || !UUID.test(id)) throw badCursor();
  if (sort === 'name_asc') return sql`(${customers.displayName}, ${customers.id}) > (${key}, ${id}::uuid)`;
  if (Number.isNaN(Date.parse(key))) throw badCursor();
  switch (sort) {
    case 'created_desc':
      return sql`(${customers.createdAt}, ${customers.id}) < (${key}::timestamptz, ${id}::uuid)`;
    case 'created_asc':
      return sql`(${customers.createdAt}, ${customers.id}) > (${key}::timestamptz, ${id}::uuid)`;
    case 'updated_desc':
      return sql`(${customers.updatedAt}, ${customers.id}) < (${key}::timestamptz, ${id}::uuid)`;
  }
}

const SORT_KEY: Record<CustomerSort, [column: SQL, direction: SQL]> = {
  created_desc: [sql`${customers.createdAt}`, sql`desc`],
  created_asc: [sql`${customers.createdAt}`, sql`asc`],
  name_asc: [sql`${customers.displayName}`, sql`asc`],
  updated_desc: [sql`${customers.updatedAt}`, sql`desc`],
};

/**
 * One page of the rows matching `where` in the sort's order, chosen among at most `cap`
 * matches: rows of (id, matched), where matched is how many matches were seen (≤ cap).
 * The MATERIALIZED CTE makes PostgreSQL collect the matches through the GIN index and
 * sort only those; left to itself with ORDER BY … LIMIT it often walks the sort's index
 * instead, testing every row, which takes seconds over a million rows when the term is
 * rare. When matched reaches the cap the page is not exact: the caller walks instead.
 */
export function matchingPage(where: SQL | undefined, sort: CustomerSort, limit: number, cap: number): SQL {
  const [column, direction] = SORT_KEY[sort];
  return sql`with m as materialized (
      select ${customers.id} as id, ${column} as k from ${customers} ${where ? sql`where ${where}` : sql``} limit ${cap}
    ) select m.id::text as id, count(*) over ()::int as matched from m
      order by m.k ${direction}, m.id ${direction} limit ${limit}`;
}

/**
 * Up to `limit` ids of the rows matching `where` among the first `walk` rows of the sort
 * order after the cursor, found by walking the sort's index and testing each row. When it
 * gives a full page, that page is exact (the rows walked are a prefix of the order) and a
 * common term ("สมชาย" among a million) was served without collecting all its matches.
 */
export function walkedPageIds(
  where: SQL | undefined,
  after: SQL | undefined,
  sort: CustomerSort,
  limit: number,
  walk: number,
): SQL {
  const order = sql.join(customerOrder(sort), sql`, `);
  // The subquery is named customers so that `where`, written against the table, applies.
  return sql`select ${customers.id}::text as id
      from (select * from ${customers} ${after ? sql`where ${after}` : sql``} order by ${order} limit ${walk}) as ${customers}
     ${where ? sql`where ${where}` : sql``} order by ${order} limit ${limit}`;
}
