import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../core/auth/schema.ts';
import { customers } from '../customers/schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * One merge: the survivor, the profiles folded into it, and what is needed to undo it
 * within the grace period (the merged profiles' rows and which rows of which table moved).
 */
export const customerMerges = pgTable(
  'customer_merges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    survivorId: uuid('survivor_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    mergedIds: uuid('merged_ids').array().notNull(),
    /** Field → id of the profile whose value survived. */
    fieldChoices: jsonb('field_choices').$type<Record<string, string>>().notNull().default({}),
    /** Before-images and moved row ids, for unmerge. Cleared when the grace period ends. */
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: at('created_at').notNull().defaultNow(),
    undoUntil: at('undo_until').notNull(),
    undoneAt: at('undone_at'),
    undoneBy: uuid('undone_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('customer_merges_survivor_idx').on(t.survivorId)],
);

/** Pairs a user has marked "not a duplicate"; the finder leaves them out. */
export const duplicateDismissals = pgTable(
  'duplicate_dismissals',
  {
    /** The smaller of the two ids first, so a pair has one row. */
    customerA: uuid('customer_a')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    customerB: uuid('customer_b')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    reason: text('reason'),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.customerA, t.customerB] })],
);
