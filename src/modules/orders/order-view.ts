import { z } from '@hono/zod-openapi';
import { VAT_MODES } from '../products/index.ts';
import { ORDER_SOURCES, ORDER_STATUSES } from './order-input.ts';
import type { orderLines, orderRefunds, orders } from './schema.ts';

export const orderLineViewSchema = z.object({
  lineNo: z.number().int(),
  productId: z.string().nullable(),
  sku: z.string().nullable(),
  name: z.string(),
  quantity: z.number().int(),
  unitPriceSatang: z.number().int(),
  discountSatang: z.number().int(),
  vatMode: z.enum(VAT_MODES),
  vatRateBp: z.number().int(),
  netSatang: z.number().int(),
  vatSatang: z.number().int(),
  grossSatang: z.number().int(),
});

export const refundViewSchema = z.object({
  id: z.string(),
  amountSatang: z.number().int(),
  reason: z.string(),
  returnedLines: z.array(z.object({ lineNo: z.number().int(), quantity: z.number().int() })),
  refundedAt: z.string(),
});

export const orderViewSchema = z
  .object({
    id: z.string().uuid(),
    customerId: z.string().uuid(),
    customerName: z.string().openapi({ description: "The customer's display name." }),
    source: z.enum(ORDER_SOURCES),
    externalId: z.string().nullable(),
    status: z.enum(ORDER_STATUSES),
    currency: z.string(),
    orderedAt: z.string(),
    subtotalSatang: z.number().int(),
    discountSatang: z.number().int(),
    vatSatang: z.number().int(),
    totalSatang: z.number().int(),
    paidSatang: z.number().int(),
    refundedSatang: z.number().int(),
    paidAt: z.string().nullable(),
    fulfilledAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    carrier: z.string().nullable(),
    trackingNumber: z.string().nullable(),
    note: z.string().nullable(),
    lines: z.array(orderLineViewSchema),
    refunds: z.array(refundViewSchema),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Order');
export type OrderView = z.infer<typeof orderViewSchema>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toOrderView(
  o: typeof orders.$inferSelect,
  customerName: string,
  lines: (typeof orderLines.$inferSelect)[],
  refunds: (typeof orderRefunds.$inferSelect)[],
): OrderView {
  return {
    id: o.id,
    customerId: o.customerId,
    customerName,
    source: o.source as OrderView['source'],
    externalId: o.externalId,
    status: o.status as OrderView['status'],
    currency: o.currency,
    orderedAt: o.orderedAt.toISOString(),
    subtotalSatang: o.subtotalSatang,
    discountSatang: o.discountSatang,
    vatSatang: o.vatSatang,
    totalSatang: o.totalSatang,
    paidSatang: o.paidSatang,
    refundedSatang: o.refundedSatang,
    paidAt: iso(o.paidAt),
    fulfilledAt: iso(o.fulfilledAt),
    cancelledAt: iso(o.cancelledAt),
    carrier: o.carrier,
    trackingNumber: o.trackingNumber,
    note: o.note,
    lines: lines
      .sort((a, b) => a.lineNo - b.lineNo)
      .map(({ id: _id, orderId: _o, vatMode, ...l }) => ({
        ...l,
        vatMode: vatMode as OrderView['lines'][number]['vatMode'],
      })),
    refunds: refunds.map((r) => ({
      id: r.id,
      amountSatang: r.amountSatang,
      reason: r.reason,
      returnedLines: r.returnedLines,
      refundedAt: r.refundedAt.toISOString(),
    })),
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}
