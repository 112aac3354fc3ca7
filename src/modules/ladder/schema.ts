import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../core/auth/schema.ts';
import { customers } from '../customers/schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** The facts a stage was computed from, kept so the profile can say why. */
export interface LadderFactsJson {
  purchases: number;
  referrals: number;
  /** Which rule placed the customer: purchases | referrals | tag | customer_type | none */
  matched: string;
  tag?: string;
}

/**
 * Each customer's rung on the relationship ladder: `stage` is what everyone sees, the
 * override if staff set one, otherwise `rule_stage` (what the rules say). Derived data:
 * recomputed from facts, so a merge recomputes it rather than moving it.
 */
export const customerLadder = pgTable(
  'customer_ladder',
  {
    customerId: uuid('customer_id')
      .primaryKey()
      .references(() => customers.id, { onDelete: 'cascade' }),
    stage: text('stage').notNull(),
    ruleStage: text('rule_stage').notNull(),
    since: at('since').notNull().defaultNow(),
    computedAt: at('computed_at').notNull().defaultNow(),
    facts: jsonb('facts').$type<LadderFactsJson>().notNull().default({ purchases: 0, referrals: 0, matched: 'none' }),
    overrideStage: text('override_stage'),
    overrideReason: text('override_reason'),
    overrideBy: uuid('override_by').references(() => users.id, { onDelete: 'set null' }),
    overrideAt: at('override_at'),
  },
  (t) => [index('customer_ladder_stage_idx').on(t.stage)],
);

/** Every change of a customer's stage, by the rules or by staff. */
export const ladderHistory = pgTable(
  'ladder_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    at: at('at').notNull().defaultNow(),
    /** rules | override | override_cleared */
    source: text('source').notNull(),
    reason: text('reason'),
    facts: jsonb('facts').$type<LadderFactsJson>(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('ladder_history_customer_idx').on(t.customerId, t.at)],
);
