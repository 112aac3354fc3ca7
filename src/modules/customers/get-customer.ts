import { eq, type SQL } from 'drizzle-orm';
import { andVisible, authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { type CustomerView, toCustomerView } from './customer-view.ts';
import { customers } from './schema.ts';

/** Record visibility of customers as a WHERE condition (see core/auth/authorize.ts). */
export function visibleCustomer(actor: Actor, ...conds: (SQL | undefined)[]) {
  return andVisible(actor.principal, 'customers', { ownerId: customers.ownerId, teamId: customers.teamId }, ...conds);
}

/** One customer the caller may see; another's customer is simply not found. */
export async function getCustomer(db: DbOrTx, actor: Actor, id: string): Promise<CustomerView> {
  authorize(actor.principal, 'customers', 'read');
  const [row] = await db
    .select()
    .from(customers)
    .where(visibleCustomer(actor, eq(customers.id, id)));
  if (!row) throw new AppError('not_found');
  return toCustomerView(row);
}
