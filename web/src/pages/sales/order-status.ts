import type { OrderStatus } from '../../queries/sales-types.ts';

export const STATUS_COLOR: Record<OrderStatus, string> = {
  pending: 'yellow',
  paid: 'blue',
  fulfilled: 'teal',
  cancelled: 'gray',
  refunded: 'red',
  partially_refunded: 'orange',
};
