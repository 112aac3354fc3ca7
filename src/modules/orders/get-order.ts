import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { loadOrderView } from './load-order.ts';
import { orderFor } from './order-access.ts';
import type { OrderView } from './order-view.ts';

export async function getOrder(db: DbOrTx, actor: Actor, id: string): Promise<OrderView> {
  return loadOrderView(db, await orderFor(db, actor, id, 'read'));
}
