import { api } from '../api/client.ts';
import type { Page } from '../api/types.ts';
import type { Order, OrderSource, OrderStatus, Product, ProductInput, RefundInput } from './sales-types.ts';

const v1 = '/api/v1';
const id = (value: string) => encodeURIComponent(value);

export const productApi = {
  list: (query: { q?: string; active?: 'true' | 'false' | 'all'; cursor?: string; limit?: number }) =>
    api.get<Page<Product>>(`${v1}/products`, query),
  create: (input: ProductInput) => api.post<Product>(`${v1}/products`, input),
  update: (productId: string, input: ProductInput) => api.patch<Product>(`${v1}/products/${id(productId)}`, input),
};

export interface OrderQuery {
  customerId?: string;
  status?: OrderStatus;
  source?: OrderSource;
  cursor?: string;
  limit?: number;
}

export const orderApi = {
  list: (query: OrderQuery) => api.get<Page<Order>>(`${v1}/orders`, { ...query }),
  get: (orderId: string) => api.get<Order>(`${v1}/orders/${id(orderId)}`),
  step: (
    orderId: string,
    step: 'pay' | 'fulfil' | 'cancel',
    body: { carrier?: string; trackingNumber?: string } = {},
  ) => api.post<Order>(`${v1}/orders/${id(orderId)}/${step}`, body),
  refund: (orderId: string, input: RefundInput) => api.post<Order>(`${v1}/orders/${id(orderId)}/refunds`, input),
};

export const salesKeys = {
  products: ['products'] as const,
  orders: ['orders'] as const,
};
