import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { Action } from '../../core/auth/roles.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { customers, visibleCustomer } from '../customers/index.ts';
import { orders } from './schema.ts';

/**
 * An order is visible to whoever may see its customer: a salesperson sees the orders of
 * their own customers, a manager their team's, as a WHERE condition.
 */
export function visibleOrder(db: DbOrTx, actor: Actor, ...conds: (SQL | undefined)[]): SQL | undefined {
  const scope = visibleCustomer(actor);
  return and(
    scope ? inArray(orders.customerId, db.select({ id: customers.id }).from(customers).where(scope)) : undefined,
    ...conds,
  );
}

/** One order the caller may act on (locked for update when asked), or not found. */
export async function orderFor(
  db: DbOrTx,
  actor: Actor,
  id: string,
  action: Action,
  lock = false,
): Promise<typeof orders.$inferSelect> {
  authorize(actor.principal, 'sales', action);
  const query = db
    .select()
    .from(orders)
    .where(visibleOrder(db, actor, eq(orders.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('not_found');
  return row;
}
