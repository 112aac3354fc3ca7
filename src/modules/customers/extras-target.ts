import { eq, sql } from 'drizzle-orm';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { CustomerRow } from './customer-view.ts';
import { visibleCustomer } from './get-customer.ts';
import { customers } from './schema.ts';

/** The customer an extras read applies to, if the caller may see it (else 404). */
export async function readableCustomer(db: DbOrTx, actor: Actor, id: string): Promise<CustomerRow> {
  authorize(actor.principal, 'customers', 'read');
  const [row] = await db
    .select()
    .from(customers)
    .where(visibleCustomer(actor, eq(customers.id, id)));
  if (!row) throw new AppError('not_found');
  return row;
}

/**
 * The active customer an extras write applies to, locked for the transaction, if the
 * caller may see it (else 404; merged and erased profiles take no new data).
 */
export async function lockCustomerForChange(tx: DbOrTx, actor: Actor, id: string): Promise<CustomerRow> {
  const [row] = await tx
    .select()
    .from(customers)
    .where(visibleCustomer(actor, eq(customers.id, id), eq(customers.status, 'active')))
    .for('update');
  if (!row) throw new AppError('not_found');
  return row;
}

/** A change to a profile's extras is a change to the profile: stale-profile checks read this. */
export async function touchCustomers(tx: DbOrTx, ids: string[]): Promise<void> {
  for (const id of ids) await tx.update(customers).set({ updatedAt: sql`now()` }).where(eq(customers.id, id));
}
