import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../core/auth/schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * PDPA data-subject requests (access/export, erasure). customer_id has no foreign key on
 * purpose: the record of an erasure outlives what was erased, and holds no personal data.
 */
export const dataSubjectRequests = pgTable(
  'data_subject_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id').notNull(),
    /** export | erase */
    kind: text('kind').notNull(),
    /** completed | failed */
    status: text('status').notNull(),
    /** Counts per table touched; never personal data. */
    result: jsonb('result').$type<Record<string, unknown>>().notNull().default({}),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    requestedAt: at('requested_at').notNull().defaultNow(),
    completedAt: at('completed_at'),
  },
  (t) => [index('data_subject_requests_customer_idx').on(t.customerId)],
);
