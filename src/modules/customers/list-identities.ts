import { asc, eq } from 'drizzle-orm';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { visibleCustomer } from './get-customer.ts';
import { IDENTIFIER_KINDS } from './identifiers.ts';
import { type IdentityView, toIdentityView } from './identity-view.ts';
import { customerIdentities, customers } from './schema.ts';

/** Every identifier of a customer the caller may see, in trust order, primaries first. */
export async function listIdentities(db: DbOrTx, actor: Actor, customerId: string): Promise<IdentityView[]> {
  authorize(actor.principal, 'customers', 'read');
  const [customer] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(visibleCustomer(actor, eq(customers.id, customerId)));
  if (!customer) throw new AppError('not_found');
  const rows = await db
    .select()
    .from(customerIdentities)
    .where(eq(customerIdentities.customerId, customerId))
    .orderBy(asc(customerIdentities.createdAt), asc(customerIdentities.id));
  const rank = (kind: string) => IDENTIFIER_KINDS.indexOf(kind as (typeof IDENTIFIER_KINDS)[number]);
  rows.sort((a, b) => rank(a.kind) - rank(b.kind) || Number(b.isPrimary) - Number(a.isPrimary));
  return rows.map(toIdentityView);
}
