import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { type AddressView, toAddressView } from './address-input.ts';
import { readableCustomer } from './extras-target.ts';
import { customerAddresses } from './schema.ts';

/** The further addresses of a customer the caller may see, oldest first. */
export async function listAddresses(db: DbOrTx, actor: Actor, customerId: string): Promise<{ items: AddressView[] }> {
  await readableCustomer(db, actor, customerId);
  const rows = await db
    .select()
    .from(customerAddresses)
    .where(eq(customerAddresses.customerId, customerId))
    .orderBy(asc(customerAddresses.createdAt), asc(customerAddresses.id));
  return { items: rows.map(toAddressView) };
}
