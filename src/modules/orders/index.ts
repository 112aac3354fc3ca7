import type { ModuleDefinition } from '../../core/module.ts';
import { orderErrors } from './errors.ts';
import { orderRoutes } from './routes.ts';

/** Orders and refunds from every channel, on resolved customers; the purchase history. */
export const ordersModule: ModuleDefinition = {
  name: 'orders',
  routes: orderRoutes,
  errors: orderErrors,
};

export { changeOrderStatus } from './change-order-status.ts';
export { type CreateOrderResult, createOrder } from './create-order.ts';
export { getOrder } from './get-order.ts';
export { listOrders } from './list-orders.ts';
export { type CreateOrderInput, ORDER_SOURCES, ORDER_STATUSES, type OrderStatus } from './order-input.ts';
export { type OrderView, orderViewSchema } from './order-view.ts';
export { refundOrder } from './refund-order.ts';
export { orderLines, orderRefunds, orders } from './schema.ts';
