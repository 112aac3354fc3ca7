import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../core/auth/schema.ts';
import { customers } from '../customers/schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * The timeline: one row per thing that happened to a customer, written by every module
 * (notes, calls, meetings, emails, messages, orders, deals, tickets, campaign touches,
 * consent changes, points, identity matches, merges).
 */
export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    /** note | call | meeting | email | message | order | deal | ticket | campaign | consent | points | identity_match | merge | import | system */
    kind: text('kind').notNull(),
    occurredAt: at('occurred_at').notNull().defaultNow(),
    subject: text('subject'),
    body: text('body'),
    /** inbound | outbound, for calls, emails and messages */
    direction: text('direction'),
    /** email | sms | line | phone | …, for messages */
    channel: text('channel'),
    durationMinutes: integer('duration_minutes'),
    outcome: text('outcome'),
    /** The record this activity stands for in another module, e.g. ('order', id). */
    refType: text('ref_type'),
    refId: text('ref_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('activities_customer_time_idx').on(t.customerId, t.occurredAt, t.id),
    index('activities_ref_idx').on(t.refType, t.refId),
  ],
);
