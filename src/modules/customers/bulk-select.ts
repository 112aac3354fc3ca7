import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { BULK_LIMIT } from './bulk-input.ts';
import { visibleCustomer } from './get-customer.ts';
import { customerListFilterSchema, customerListWhere } from './list-filters.ts';
import { customers } from './schema.ts';
import { validateInput } from './validate-input.ts';

export interface BulkRow {
  id: string;
  tags: string[];
  ownerId: string | null;
  teamId: string | null;
}

/**
 * The active customers of a bulk change that the caller may see (and so change, given
 * customers:update): the picked ids, or the list's filters exactly as GET /customers reads them.
 */
export async function bulkWhere(
  tx: DbOrTx,
  actor: Actor,
  target: { ids?: string[] | undefined; filter?: Record<string, unknown> | undefined },
): Promise<SQL | undefined> {
  if (target.ids) return visibleCustomer(actor, eq(customers.status, 'active'), inArray(customers.id, target.ids));
  const filter = validateInput(customerListFilterSchema, target.filter ?? {});
  return customerListWhere(tx, actor, filter);
}

/** How many customers a bulk change would touch. */
export async function countBulkTargets(tx: DbOrTx, where: SQL | undefined): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(customers).where(where);
  return row?.n ?? 0;
}

/** The rows locked for the change; bulk_too_many (and nothing locked for long) beyond the limit. */
export async function lockBulkTargets(tx: DbOrTx, where: SQL | undefined): Promise<BulkRow[]> {
  const count = await countBulkTargets(tx, where);
  if (count > BULK_LIMIT) throw new AppError('bulk_too_many', { count, limit: BULK_LIMIT });
  return tx
    .select({ id: customers.id, tags: customers.tags, ownerId: customers.ownerId, teamId: customers.teamId })
    .from(customers)
    .where(and(where))
    .orderBy(customers.id)
    .for('update');
}
