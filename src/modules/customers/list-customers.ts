import { and, sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { type Page, pageQuerySchema, toPage } from '../../core/http/pagination.ts';
import { type CustomerView, toCustomerView } from './customer-view.ts';
import { type CustomerListFilterInput, customerListFilterSchema, customerListWhere } from './list-filters.ts';
import { customerAfterCursor, customerCursorKey, customerOrder, matchingPageIds } from './list-sort.ts';
import { customers } from './schema.ts';
import { validateInput } from './validate-input.ts';

/** GET /customers query: pagination plus every filter and the sort. */
export const listCustomersQuerySchema = customerListFilterSchema.extend(pageQuerySchema.shape);

export type ListCustomersInput = CustomerListFilterInput & { limit?: number | string; cursor?: string | undefined };

/**
 * The caller's visible active customers matching the filters, in the chosen sort,
 * keyset-paginated (the cursor carries the sort key of the last row). A search first
 * picks the page's ids among the matches only (see matchingPageIds).
 */
export async function listCustomers(db: DbOrTx, actor: Actor, raw: ListCustomersInput): Promise<Page<CustomerView>> {
  const input = validateInput(listCustomersQuerySchema, raw);
  const where = and(await customerListWhere(db, actor, input), customerAfterCursor(input.sort, input.cursor));
  const limit = input.limit + 1;
  const rows = await db
    .select()
    .from(customers)
    .where(input.q ? sql`${customers.id} in (${matchingPageIds(where, input.sort, limit)})` : where)
    .orderBy(...customerOrder(input.sort))
    .limit(limit);
  return toPage(rows.map(toCustomerView), input.limit, (c) => customerCursorKey(input.sort, c));
}
