import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The catalogue: products and services with a list price in integer satang (or the minor
 * unit of `currency`) and how VAT applies to that price. Archived products stay for the
 * orders that name them.
 */
export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sku: text('sku').notNull(),
    kind: text('kind').notNull().default('product'),
    nameTh: text('name_th').notNull(),
    nameEn: text('name_en'),
    descriptionTh: text('description_th'),
    descriptionEn: text('description_en'),
    category: text('category'),
    unit: text('unit'),
    unitPriceSatang: bigint('unit_price_satang', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    vatMode: text('vat_mode').notNull().default('included'),
    vatRateBp: integer('vat_rate_bp').notNull().default(700),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('products_sku_key').on(sql`upper(${t.sku})`),
    index('products_category_idx').on(t.category),
    check('products_price_nonnegative', sql`${t.unitPriceSatang} >= 0`),
    check('products_vat_rate_range', sql`${t.vatRateBp} between 0 and 10000`),
  ],
);

/**
 * A price list gives its own prices to a group of customers: those of one customer type,
 * those carrying a tag, or both; the highest priority list that applies wins.
 */
export const priceLists = pgTable(
  'price_lists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nameTh: text('name_th').notNull(),
    nameEn: text('name_en'),
    currency: text('currency').notNull(),
    customerType: text('customer_type'),
    customerTag: text('customer_tag'),
    priority: integer('priority').notNull().default(0),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'price_lists_valid_range',
      sql`${t.validTo} is null or ${t.validFrom} is null or ${t.validTo} >= ${t.validFrom}`,
    ),
  ],
);

/** A product's price in a list, from a minimum quantity up (volume prices). */
export const priceListItems = pgTable(
  'price_list_items',
  {
    priceListId: uuid('price_list_id')
      .notNull()
      .references(() => priceLists.id, { onDelete: 'cascade' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    minQuantity: integer('min_quantity').notNull().default(1),
    unitPriceSatang: bigint('unit_price_satang', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.priceListId, t.productId, t.minQuantity] }),
    index('price_list_items_product_idx').on(t.productId),
    check('price_list_items_price_nonnegative', sql`${t.unitPriceSatang} >= 0`),
    check('price_list_items_min_quantity', sql`${t.minQuantity} >= 1`),
  ],
);
