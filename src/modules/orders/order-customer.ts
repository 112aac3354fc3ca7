import { eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { customers, visibleCustomer } from '../customers/index.ts';
import { type InboundChannel, resolveCustomer } from '../identity/index.ts';
import type { CustomerGroup } from '../products/index.ts';
import type { CreateOrder } from './order-input.ts';

const CHANNEL: Record<CreateOrder['source'], InboundChannel> = {
  web: 'api',
  pos: 'api',
  line: 'message',
  manual: 'api',
  import: 'import',
  api: 'api',
};

export interface OrderCustomer extends CustomerGroup {
  id: string;
}

/**
 * The profile an order belongs to. A customerId must be a profile the caller may see; a
 * merged profile's orders go to the profile it was merged into. Identifiers go through
 * identity resolution, so a POS sale with only a phone number lands on the right profile
 * (or creates one).
 */
export async function orderCustomer(tx: DbOrTx, actor: Actor, input: CreateOrder): Promise<OrderCustomer> {
  let id = input.customerId;
  if (input.customer) {
    const resolution = await resolveCustomer(tx, actor, {
      identifiers: input.customer.identifiers,
      ...(input.customer.profile ? { profile: input.customer.profile } : {}),
      channel: CHANNEL[input.source],
    });
    id = resolution.customer.id;
  }
  for (let hops = 0; id && hops < 10; hops++) {
    const [c] = await tx
      .select({
        status: customers.status,
        mergedIntoId: customers.mergedIntoId,
        type: customers.customerType,
        tags: customers.tags,
      })
      .from(customers)
      .where(input.customer ? eq(customers.id, id) : visibleCustomer(actor, eq(customers.id, id)));
    if (!c) throw new AppError('not_found');
    if (c.status === 'active') return { id, type: c.type, tags: c.tags ?? [] };
    if (c.status !== 'merged' || !c.mergedIntoId) throw new AppError('order_customer_inactive');
    id = c.mergedIntoId;
  }
  throw new AppError('order_customer_inactive');
}
