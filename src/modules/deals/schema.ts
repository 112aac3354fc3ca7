import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { teams, users } from '../../core/auth/schema.ts';
import { customers } from '../customers/schema.ts';
import { products } from '../products/schema.ts';

/** A sales pipeline: its own stages, each with a win probability. Seeded with "Sales / การขาย" (0009). */
export const pipelines = pgTable('pipelines', {
  id: uuid('id').primaryKey().defaultRandom(),
  nameTh: text('name_th').notNull(),
  nameEn: text('name_en'),
  isDefault: boolean('is_default').notNull().default(false),
  archived: boolean('archived').notNull().default(false),
  position: integer('position').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A column of a pipeline's board. kind: open | won | lost. */
export const pipelineStages = pgTable(
  'pipeline_stages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pipelineId: uuid('pipeline_id')
      .notNull()
      .references(() => pipelines.id),
    nameTh: text('name_th').notNull(),
    nameEn: text('name_en'),
    position: integer('position').notNull(),
    probability: integer('probability').notNull(),
    kind: text('kind').notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Lets deals reference (stage, pipeline) together: a deal's stage is always one of its pipeline's.
    unique('pipeline_stages_id_pipeline_key').on(t.id, t.pipelineId),
    index('pipeline_stages_pipeline_idx').on(t.pipelineId, t.position),
    check('pipeline_stages_probability_range', sql`${t.probability} between 0 and 100`),
    check('pipeline_stages_kind', sql`${t.kind} in ('open', 'won', 'lost')`),
  ],
);

/**
 * A sales opportunity with one customer, on one stage of one pipeline. Value in satang.
 * `rank` orders the deals of a stage on the board (fractional, so a move writes one row).
 */
export const deals = pgTable(
  'deals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    title: text('title').notNull(),
    pipelineId: uuid('pipeline_id').notNull(),
    stageId: uuid('stage_id').notNull(),
    valueSatang: bigint('value_satang', { mode: 'number' }).notNull().default(0),
    currency: text('currency').notNull(),
    expectedCloseOn: date('expected_close_on', { mode: 'string' }),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    status: text('status').notNull().default('open'),
    lostReason: text('lost_reason'),
    wonAt: timestamp('won_at', { withTimezone: true }),
    lostAt: timestamp('lost_at', { withTimezone: true }),
    note: text('note'),
    rank: doublePrecision('rank').notNull().default(0),
    stageEnteredAt: timestamp('stage_entered_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: 'deals_stage_in_pipeline_fk',
      columns: [t.stageId, t.pipelineId],
      foreignColumns: [pipelineStages.id, pipelineStages.pipelineId],
    }),
    index('deals_board_idx').on(t.stageId, t.rank, t.id).where(sql`${t.status} = 'open'`),
    index('deals_customer_idx').on(t.customerId),
    index('deals_owner_idx').on(t.ownerId, t.status),
    index('deals_pipeline_created_idx').on(t.pipelineId, t.createdAt),
    index('deals_created_idx').on(t.createdAt, t.id),
    // Forecasts and sales KPIs (migration 0015): won / lost in a period, open deals by expected close.
    index('deals_won_at_idx').on(t.wonAt).where(sql`${t.status} = 'won'`),
    index('deals_lost_at_idx').on(t.lostAt).where(sql`${t.status} = 'lost'`),
    index('deals_open_close_idx').on(t.expectedCloseOn).where(sql`${t.status} = 'open'`),
    check('deals_value_nonnegative', sql`${t.valueSatang} >= 0`),
    check('deals_status', sql`${t.status} in ('open', 'won', 'lost')`),
  ],
);

/** Products a deal is about, priced as negotiated. */
export const dealProducts = pgTable(
  'deal_products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dealId: uuid('deal_id')
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    quantity: integer('quantity').notNull(),
    unitPriceSatang: bigint('unit_price_satang', { mode: 'number' }).notNull(),
  },
  (t) => [
    index('deal_products_deal_idx').on(t.dealId),
    check('deal_products_quantity_positive', sql`${t.quantity} > 0`),
    check('deal_products_price_nonnegative', sql`${t.unitPriceSatang} >= 0`),
  ],
);

/** Every stage a deal entered, so time in stage can be computed (the first row has no from-stage). */
export const dealStageHistory = pgTable(
  'deal_stage_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dealId: uuid('deal_id')
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    fromStageId: uuid('from_stage_id').references(() => pipelineStages.id),
    toStageId: uuid('to_stage_id')
      .notNull()
      .references(() => pipelineStages.id),
    movedAt: timestamp('moved_at', { withTimezone: true }).notNull().defaultNow(),
    movedBy: uuid('moved_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('deal_stage_history_deal_idx').on(t.dealId, t.movedAt)],
);
