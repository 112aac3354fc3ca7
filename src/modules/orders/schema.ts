import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../core/auth/schema.ts';
import { customers } from '../customers/schema.ts';
import { products } from '../products/schema.ts';

/**
 * An order from any channel, on one resolved customer. Amounts are whole minor units
 * (satang). `externalId` + `source` make a POS or shop order idempotent; `contentHash`
 * tells a retry of the same order from a different order reusing the id.
 */
export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    source: text('source').notNull(),
    externalId: text('external_id'),
    status: text('status').notNull(),
    currency: text('currency').notNull(),
    orderedAt: timestamp('ordered_at', { withTimezone: true }).notNull(),
    subtotalSatang: bigint('subtotal_satang', { mode: 'number' }).notNull(),
    discountSatang: bigint('discount_satang', { mode: 'number' }).notNull().default(0),
    vatSatang: bigint('vat_satang', { mode: 'number' }).notNull(),
    totalSatang: bigint('total_satang', { mode: 'number' }).notNull(),
    paidSatang: bigint('paid_satang', { mode: 'number' }).notNull().default(0),
    refundedSatang: bigint('refunded_satang', { mode: 'number' }).notNull().default(0),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    fulfilledAt: timestamp('fulfilled_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    carrier: text('carrier'),
    trackingNumber: text('tracking_number'),
    note: text('note'),
    contentHash: text('content_hash').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('orders_source_external_key').on(t.source, t.externalId).where(sql`${t.externalId} is not null`),
    index('orders_customer_idx').on(t.customerId, t.orderedAt),
    index('orders_ordered_at_idx').on(t.orderedAt),
    check(
      'orders_amounts_nonnegative',
      sql`${t.totalSatang} >= 0 and ${t.paidSatang} >= 0 and ${t.refundedSatang} >= 0`,
    ),
    check('orders_refund_within_paid', sql`${t.refundedSatang} <= ${t.paidSatang}`),
  ],
);

/** A line of an order with its price as sold (later catalogue changes do not touch it). */
export const orderLines = pgTable(
  'order_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    lineNo: integer('line_no').notNull(),
    productId: uuid('product_id').references(() => products.id),
    sku: text('sku'),
    name: text('name').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceSatang: bigint('unit_price_satang', { mode: 'number' }).notNull(),
    discountSatang: bigint('discount_satang', { mode: 'number' }).notNull().default(0),
    vatMode: text('vat_mode').notNull(),
    vatRateBp: integer('vat_rate_bp').notNull(),
    netSatang: bigint('net_satang', { mode: 'number' }).notNull(),
    vatSatang: bigint('vat_satang', { mode: 'number' }).notNull(),
    grossSatang: bigint('gross_satang', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('order_lines_order_line_key').on(t.orderId, t.lineNo),
    index('order_lines_product_idx').on(t.productId),
    check('order_lines_quantity_positive', sql`${t.quantity} > 0`),
  ],
);

/** Money given back on an order, with the returned quantities when goods came back. */
export const orderRefunds = pgTable(
  'order_refunds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    amountSatang: bigint('amount_satang', { mode: 'number' }).notNull(),
    reason: text('reason').notNull(),
    returnedLines: jsonb('returned_lines').$type<{ lineNo: number; quantity: number }[]>().notNull().default([]),
    refundedAt: timestamp('refunded_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [index('order_refunds_order_idx').on(t.orderId), check('order_refunds_positive', sql`${t.amountSatang} > 0`)],
);
