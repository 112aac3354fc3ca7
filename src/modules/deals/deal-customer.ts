import { eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { customers, visibleCustomer } from '../customers/index.ts';

/**
 * The active profile a deal belongs to: one the caller may see; a merged profile's deals go
 * to the profile it was merged into (as orders do); an erased one takes no new deals.
 */
export async function dealCustomer(tx: DbOrTx, actor: Actor, customerId: string): Promise<string> {
  let id = customerId;
  for (let hops = 0; hops < 10; hops++) {
    const [c] = await tx
      .select({ status: customers.status, mergedIntoId: customers.mergedIntoId })
      .from(customers)
      .where(hops === 0 ? visibleCustomer(actor, eq(customers.id, id)) : eq(customers.id, id));
    if (!c) throw new AppError('not_found');
    if (c.status === 'active') return id;
    if (c.status !== 'merged' || !c.mergedIntoId) throw new AppError('deal_customer_inactive');
    id = c.mergedIntoId;
  }
  throw new AppError('deal_customer_inactive');
}
