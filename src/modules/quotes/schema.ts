import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { teams, users } from '../../core/auth/schema.ts';
import { customers } from '../customers/schema.ts';
import { deals } from '../deals/schema.ts';
import { orders } from '../orders/schema.ts';
import { products } from '../products/schema.ts';

/**
 * The last quote number used in each calendar year (Asia/Bangkok, or the business time
 * zone). Bumped in the transaction that creates the quote, so numbers are gap-free: a
 * failed create rolls the bump back, and concurrent creates queue on the row's lock.
 */
export const quoteCounters = pgTable(
  'quote_counters',
  {
    year: integer('year').primaryKey(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [check('quote_counters_positive', sql`${t.lastNumber} > 0`)],
);

/**
 * A quote (ใบเสนอราคา) to one customer, optionally for one deal, owned by a salesperson
 * (visibility as deals). Amounts are whole satang; `netSatang` is before VAT after
 * discounts, `totalSatang` what the customer would pay. An accepted quote links to the
 * order it became.
 */
export const quotes = pgTable(
  'quotes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    year: integer('year').notNull(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    dealId: uuid('deal_id').references(() => deals.id, { onDelete: 'set null' }),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    language: text('language').notNull().default('th'),
    currency: text('currency').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('draft'),
    notes: text('notes'),
    terms: text('terms'),
    subtotalSatang: bigint('subtotal_satang', { mode: 'number' }).notNull(),
    discountSatang: bigint('discount_satang', { mode: 'number' }).notNull().default(0),
    netSatang: bigint('net_satang', { mode: 'number' }).notNull(),
    vatSatang: bigint('vat_satang', { mode: 'number' }).notNull(),
    totalSatang: bigint('total_satang', { mode: 'number' }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    rejectedAt: timestamp('rejected_at', { withTimezone: true }),
    rejectedReason: text('rejected_reason'),
    expiredAt: timestamp('expired_at', { withTimezone: true }),
    orderId: uuid('order_id').references(() => orders.id),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('quotes_number_key').on(t.number),
    unique('quotes_order_key').on(t.orderId),
    index('quotes_customer_idx').on(t.customerId, t.createdAt),
    index('quotes_owner_idx').on(t.ownerId, t.status),
    index('quotes_created_idx').on(t.createdAt, t.id),
    index('quotes_deal_idx').on(t.dealId),
    index('quotes_sent_valid_idx').on(t.validUntil).where(sql`${t.status} = 'sent'`),
    check('quotes_status', sql`${t.status} in ('draft', 'sent', 'accepted', 'rejected', 'expired')`),
    check('quotes_language', sql`${t.language} in ('th', 'en')`),
    check(
      'quotes_amounts_nonnegative',
      sql`${t.totalSatang} >= 0 and ${t.vatSatang} >= 0 and ${t.discountSatang} >= 0`,
    ),
    check('quotes_accepted_has_order', sql`(${t.status} = 'accepted') = (${t.orderId} is not null)`),
  ],
);

/** A line of a quote: a product (priced from the customer's price list) or a free line. */
export const quoteLines = pgTable(
  'quote_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    quoteId: uuid('quote_id')
      .notNull()
      .references(() => quotes.id, { onDelete: 'cascade' }),
    lineNo: integer('line_no').notNull(),
    productId: uuid('product_id').references(() => products.id),
    sku: text('sku'),
    descriptionTh: text('description_th').notNull(),
    descriptionEn: text('description_en'),
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
    unique('quote_lines_quote_line_key').on(t.quoteId, t.lineNo),
    index('quote_lines_product_idx').on(t.productId),
    check('quote_lines_quantity_positive', sql`${t.quantity} > 0`),
    check('quote_lines_vat_mode', sql`${t.vatMode} in ('included', 'excluded', 'exempt')`),
  ],
);
