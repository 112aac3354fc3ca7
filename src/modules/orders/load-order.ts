import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { customers } from '../customers/index.ts';
import { type OrderView, toOrderView } from './order-view.ts';
import { orderLines, orderRefunds, type orders } from './schema.ts';

/** An order row with its lines and refunds, as the API shows it. */
export async function loadOrderView(db: DbOrTx, order: typeof orders.$inferSelect): Promise<OrderView> {
  const [lines, refunds, [customer]] = await Promise.all([
    db.select().from(orderLines).where(eq(orderLines.orderId, order.id)),
    db.select().from(orderRefunds).where(eq(orderRefunds.orderId, order.id)).orderBy(orderRefunds.refundedAt),
    db.select({ name: customers.displayName }).from(customers).where(eq(customers.id, order.customerId)),
  ]);
  return toOrderView(order, customer?.name ?? '', lines, refunds);
}
