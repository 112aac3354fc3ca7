import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../../core/auth/schema.ts';
import { products } from '../products/schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** One recompute of every customer's scores: what it was asked, how far it got, what it found. */
export const scoreRuns = pgTable(
  'score_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** queued | running | succeeded | failed */
    status: text('status').notNull(),
    /** nightly | on_demand | cli */
    trigger: text('trigger').notNull(),
    calibrationEnd: date('calibration_end', { mode: 'string' }).notNull(),
    timeUnit: text('time_unit').notNull(),
    /** The options asked for and, once fitted, the models' parameters and warnings. */
    params: jsonb('params').$type<Record<string, unknown>>().notNull().default({}),
    customers: integer('customers'),
    repeatCustomers: integer('repeat_customers'),
    scored: integer('scored'),
    /** 0..1, with the step now running. */
    progress: real('progress').notNull().default(0),
    step: text('step'),
    error: jsonb('error').$type<{ code: string; params?: Record<string, string | number>; message?: string }>(),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: at('created_at').notNull().defaultNow(),
    startedAt: at('started_at'),
    finishedAt: at('finished_at'),
  },
  (t) => [
    index('score_runs_created_idx').on(t.createdAt),
    check('score_runs_status_known', sql`${t.status} in ('queued', 'running', 'succeeded', 'failed')`),
  ],
);

/**
 * Each buying customer's latest scores, all from one run: replaced as a whole by a
 * successful recompute, so every row of the table belongs to the same run.
 */
export const customerScores = pgTable(
  'customer_scores',
  {
    /**
     * No foreign key (migration 0017): checking two per row was half the cost of writing 1M
     * scores. Rows are written only for existing customers, in the same transaction as their
     * run's row; a customer deleted later has its score deleted explicitly (purge of merged
     * profiles), and the next recompute leaves out customers that no longer exist.
     */
    customerId: uuid('customer_id').primaryKey(),
    runId: uuid('run_id').notNull(),
    computedAt: at('computed_at').notNull(),
    rfmR: smallint('rfm_r').notNull(),
    rfmF: smallint('rfm_f').notNull(),
    rfmM: smallint('rfm_m').notNull(),
    rfmSegment: text('rfm_segment').notNull(),
    pAlive: doublePrecision('p_alive').notNull(),
    churnRisk: text('churn_risk').notNull(),
    expectedPurchases90d: doublePrecision('expected_purchases_90d').notNull(),
    clv12mSatang: bigint('clv_12m_satang', { mode: 'number' }).notNull(),
    valueGrade: text('value_grade').notNull(),
    purchasePeriods: integer('purchase_periods').notNull(),
    totalSpendSatang: bigint('total_spend_satang', { mode: 'number' }).notNull(),
    firstPurchaseOn: date('first_purchase_on', { mode: 'string' }).notNull(),
    lastPurchaseOn: date('last_purchase_on', { mode: 'string' }).notNull(),
  },
  (t) => [
    index('customer_scores_segment_idx').on(t.rfmSegment),
    index('customer_scores_grade_idx').on(t.valueGrade),
    index('customer_scores_clv_idx').on(t.clv12mSatang),
    check(
      'customer_scores_rfm_range',
      sql`${t.rfmR} between 1 and 5 and ${t.rfmF} between 1 and 5 and ${t.rfmM} between 1 and 5`,
    ),
    check('customer_scores_risk_known', sql`${t.churnRisk} in ('low', 'medium', 'high')`),
    check('customer_scores_grade_known', sql`${t.valueGrade} in ('A', 'B', 'C')`),
  ],
);

/**
 * How many customers moved from one RFM segment to another at a run, and their revenue
 * (net spend up to the run's calibration end), recorded before the run replaced the
 * previous scores. '' as from = first scored at this run; '' as to = no longer scored.
 */
export const scoreRunTransitions = pgTable(
  'score_run_transitions',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => scoreRuns.id, { onDelete: 'cascade' }),
    fromSegment: text('from_segment').notNull().default(''),
    toSegment: text('to_segment').notNull().default(''),
    customers: integer('customers').notNull(),
    revenueSatang: bigint('revenue_satang', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ name: 'score_run_transitions_pk', columns: [t.runId, t.fromSegment, t.toSegment] })],
);

/** Each run's segment sizes, kept after later runs replace the scores (segment sizes over time). */
export const scoreRunSegments = pgTable(
  'score_run_segments',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => scoreRuns.id, { onDelete: 'cascade' }),
    segment: text('segment').notNull(),
    customers: integer('customers').notNull(),
    revenueSatang: bigint('revenue_satang', { mode: 'number' }).notNull(),
    clv12mSatang: bigint('clv_12m_satang', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ name: 'score_run_segments_pk', columns: [t.runId, t.segment] })],
);

/** Marketing spend entered per month (first day of the month), currency and optional channel. */
export const marketingSpend = pgTable(
  'marketing_spend',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    month: date('month', { mode: 'string' }).notNull(),
    currency: text('currency').notNull().default('THB'),
    channel: text('channel').notNull().default(''),
    amountSatang: bigint('amount_satang', { mode: 'number' }).notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('marketing_spend_month_key').on(t.month, t.currency, t.channel),
    check('marketing_spend_amount_nonnegative', sql`${t.amountSatang} >= 0`),
    check('marketing_spend_month_first_day', sql`extract(day from ${t.month}) = 1`),
  ],
);

/**
 * Co-purchase counts per ordered product pair (customers who bought both, who bought each, who
 * bought any product), written as a whole by the nightly job so "also bought" and
 * recommendations need not count every order line on each request.
 */
export const productAssociations = pgTable(
  'product_associations',
  {
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    otherProductId: uuid('other_product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    customers: integer('customers').notNull(),
    productCustomers: integer('product_customers').notNull(),
    otherCustomers: integer('other_customers').notNull(),
    basketCustomers: integer('basket_customers').notNull(),
    computedAt: at('computed_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'product_associations_pk', columns: [t.productId, t.otherProductId] })],
);
