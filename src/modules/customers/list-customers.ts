import { and, inArray, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { type Page, pageQuerySchema, toPage } from '../../core/http/pagination.ts';
import { type CustomerRow, type CustomerView, toCustomerView } from './customer-view.ts';
import { visibleCustomer } from './get-customer.ts';
import { type CustomerListFilterInput, customerListFilterSchema, customerListWhere } from './list-filters.ts';
import { customerAfterCursor, customerCursorKey, customerOrder, matchingPage, walkedPageIds } from './list-sort.ts';
import { customers } from './schema.ts';
import { validateInput } from './validate-input.ts';

/** GET /customers query: pagination plus every filter and the sort. */
export const listCustomersQuerySchema = customerListFilterSchema.extend(pageQuerySchema.shape);

export type ListCustomersInput = CustomerListFilterInput & { limit?: number | string; cursor?: string | undefined };

/**
 * How many rows of the sort order a search first tests one by one (see walkedPageIds): 1%
 * of the table, within these bounds, so a term in ≥ 0.5% of the rows (a common first name
 * among a million: 2%) is served by the walk, while a rare term wastes only a short one.
 */
const WALK_MIN = 2000;
const WALK_MAX = 20_000;

const sizes = new WeakMap<DbOrTx, { rows: number; at: number }>();

/** The planner's row count of customers, read at most once a minute per database handle. */
async function customerRowsEstimate(db: DbOrTx): Promise<number> {
  const cached = sizes.get(db);
  if (cached && Date.now() - cached.at < 60_000) return cached.rows;
  const result = (await db.execute(
    sql`select greatest(reltuples, 0)::float8 as n from pg_class where oid = 'customers'::regclass`,
  )) as unknown as { rows: { n: number }[] };
  const rows = Number(result.rows[0]?.n ?? 0);
  sizes.set(db, { rows, at: Date.now() });
  return rows;
}

/**
 * A search that matches more rows than this (and was not served by the walk) is tested row
 * by row along the sort's index to the end; below it, collecting and sorting the matches
 * found through the GIN index is exact and fast. (5,000 was measured slower for a user who
 * sees a tenth of a million rows: fetching 2,000 scattered matches cost more than the walk.)
 */
const SEARCH_CAP = 1000;

/**
 * The caller's visible active customers matching the filters, in the chosen sort,
 * keyset-paginated (the cursor carries the sort key of the last row). A search picks the
 * page among the matches found through the GIN index, or, for a common term, walks the
 * sort's index: first over its newest rows, then (for a rarer term) among the matches found
 * through the GIN index, or along the whole index when those are many. `searchCap` and
 * `searchWalk` are for tests of each way.
 */
export async function listCustomers(
  db: DbOrTx,
  actor: Actor,
  raw: ListCustomersInput,
  { searchCap = SEARCH_CAP, searchWalk }: { searchCap?: number; searchWalk?: number } = {},
): Promise<Page<CustomerView>> {
  const input = validateInput(listCustomersQuerySchema, raw);
  const after = customerAfterCursor(input.sort, input.cursor);
  const limit = input.limit + 1;
  const pageOf = (rows: CustomerRow[]) =>
    toPage(rows.map(toCustomerView), input.limit, (c) => customerCursorKey(input.sort, c));
  const page = (where: SQL | undefined) =>
    db
      .select()
      .from(customers)
      .where(where)
      .orderBy(...customerOrder(input.sort))
      .limit(limit);
  let rows: CustomerRow[];
  if (!input.q) {
    rows = await page(and(await customerListWhere(db, actor, input), after));
  } else {
    const where = and(await customerListWhere(db, actor, input), after);
    // A user who sees only some rows skips the walk: their matches are found through the
    // GIN index and their owner index together, and a common term walks only their own
    // rows (index on owner_id, created_at, id). Walking everyone's newest rows tests many
    // rows they may not see; walking their own newest rows fetches scattered rows, and
    // most of their searches match none of them (both measured slower at 1M).
    const restricted = visibleCustomer(actor) !== undefined;
    const walk =
      searchWalk ?? (restricted ? 0 : Math.min(WALK_MAX, Math.max(WALK_MIN, (await customerRowsEstimate(db)) / 100)));
    if (walk > 0) {
      const walked = await idsOf(db, walkedPageIds(where, after, input.sort, limit, Math.round(walk)));
      if (walked.length === limit) return pageOf(await page(inArray(customers.id, walked)));
    }
    const found = (await db.execute(matchingPage(where, input.sort, limit, searchCap))) as unknown as {
      rows: { id: string; matched: number }[];
    };
    const ids = found.rows.map((r) => r.id);
    if (Number(found.rows[0]?.matched ?? 0) < searchCap) {
      rows = ids.length > 0 ? await page(inArray(customers.id, ids)) : [];
    } else {
      rows = await page(and(await customerListWhere(db, actor, input, 'per_row'), after));
    }
  }
  return pageOf(rows);
}

async function idsOf(db: DbOrTx, query: SQL): Promise<string[]> {
  const result = (await db.execute(query)) as unknown as { rows: { id: string }[] };
  return result.rows.map((r) => r.id);
}
