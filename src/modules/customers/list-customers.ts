import { and, inArray, type SQL } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { type Page, pageQuerySchema, toPage } from '../../core/http/pagination.ts';
import { type CustomerRow, type CustomerView, toCustomerView } from './customer-view.ts';
import { type CustomerListFilterInput, customerListFilterSchema, customerListWhere } from './list-filters.ts';
import { customerAfterCursor, customerCursorKey, customerOrder, matchingPage } from './list-sort.ts';
import { customers } from './schema.ts';
import { validateInput } from './validate-input.ts';

/** GET /customers query: pagination plus every filter and the sort. */
export const listCustomersQuerySchema = customerListFilterSchema.extend(pageQuerySchema.shape);

export type ListCustomersInput = CustomerListFilterInput & { limit?: number | string; cursor?: string | undefined };

/**
 * A search that matches more rows than this is common enough (≥ 0.1% of a million) that
 * walking the sort's index and testing each row finds a page sooner than collecting every
 * match; below it, collecting and sorting the matches is exact and fast.
 */
const SEARCH_CAP = 1000;

/**
 * The caller's visible active customers matching the filters, in the chosen sort,
 * keyset-paginated (the cursor carries the sort key of the last row). A search picks the
 * page among the matches found through the GIN index, or, for a common term, walks the
 * sort's index (see matchingPage). `searchCap` is for tests of the second way.
 */
export async function listCustomers(
  db: DbOrTx,
  actor: Actor,
  raw: ListCustomersInput,
  { searchCap = SEARCH_CAP }: { searchCap?: number } = {},
): Promise<Page<CustomerView>> {
  const input = validateInput(listCustomersQuerySchema, raw);
  const after = customerAfterCursor(input.sort, input.cursor);
  const limit = input.limit + 1;
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
  return toPage(rows.map(toCustomerView), input.limit, (c) => customerCursorKey(input.sort, c));
}
