import { z } from '@hono/zod-openapi';
import { desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { decodeCursor, type Page, pageQuerySchema, toPage } from '../../core/http/pagination.ts';
import { customers, validateInput } from '../customers/index.ts';
import { visibleOrder } from './order-access.ts';
import { ORDER_SOURCES, ORDER_STATUSES } from './order-input.ts';
import { type OrderView, toOrderView } from './order-view.ts';
import { orderLines, orderRefunds, orders } from './schema.ts';

export const listOrdersQuerySchema = pageQuerySchema.extend({
  customerId: z.string().uuid().optional(),
  status: z.enum(ORDER_STATUSES).optional(),
  source: z.enum(ORDER_SOURCES).optional(),
  externalId: z.string().max(100).optional(),
  from: z.string().datetime({ offset: true }).optional().openapi({ description: 'Ordered at or after.' }),
  to: z.string().datetime({ offset: true }).optional().openapi({ description: 'Ordered before.' }),
});
export type ListOrdersInput = z.input<typeof listOrdersQuerySchema>;

/** Orders the caller may see, newest first, paged by cursor. */
export async function listOrders(db: DbOrTx, actor: Actor, raw: ListOrdersInput): Promise<Page<OrderView>> {
  authorize(actor.principal, 'sales', 'read');
  const input = validateInput(listOrdersQuerySchema, raw);
  const after = decodeCursor(input.cursor, 2);
  const conds: (SQL | undefined)[] = [
    input.customerId ? eq(orders.customerId, input.customerId) : undefined,
    input.status ? eq(orders.status, input.status) : undefined,
    input.source ? eq(orders.source, input.source) : undefined,
    input.externalId ? eq(orders.externalId, input.externalId) : undefined,
    input.from ? sql`${orders.orderedAt} >= ${input.from}::timestamptz` : undefined,
    input.to ? sql`${orders.orderedAt} < ${input.to}::timestamptz` : undefined,
    after
      ? sql`(${orders.orderedAt}, ${orders.id}) < (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)`
      : undefined,
  ];
  const rows = await db
    .select()
    .from(orders)
    .where(visibleOrder(db, actor, ...conds))
    .orderBy(desc(orders.orderedAt), desc(orders.id))
    .limit(input.limit + 1);
  const ids = rows.map((r) => r.id);
  const [lines, refunds, names] = ids.length
    ? await Promise.all([
        db.select().from(orderLines).where(inArray(orderLines.orderId, ids)),
        db.select().from(orderRefunds).where(inArray(orderRefunds.orderId, ids)).orderBy(orderRefunds.refundedAt),
        db
          .select({ id: customers.id, name: customers.displayName })
          .from(customers)
          .where(inArray(customers.id, [...new Set(rows.map((r) => r.customerId))])),
      ])
    : [[], [], []];
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const views = rows.map((o) =>
    toOrderView(
      o,
      nameOf.get(o.customerId) ?? '',
      lines.filter((l) => l.orderId === o.id),
      refunds.filter((r) => r.orderId === o.id),
    ),
  );
  return toPage(views, input.limit, (o) => [o.orderedAt, o.id]);
}
