import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { teams, users } from '../../core/auth/schema.ts';
import { customers } from '../customers/schema.ts';

/**
 * A task or follow-up, assigned to one user, optionally about a customer (customer_id, so a
 * merge moves it and an erasure scrubs its text) and/or another record (related_type/id).
 * reminded_at and overdue_notified_at are claims of the reminder job: set once, in the
 * transaction that writes the notification.
 */
export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    notes: text('notes'),
    kind: text('kind').notNull().default('todo'),
    status: text('status').notNull().default('open'),
    priority: text('priority').notNull().default('normal'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    /** The due was given as a date: due_at is the end of that day in the business time zone. */
    dueAllDay: boolean('due_all_day').notNull().default(false),
    remindAt: timestamp('remind_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    overdueNotifiedAt: timestamp('overdue_notified_at', { withTimezone: true }),
    assigneeId: uuid('assignee_id')
      .notNull()
      .references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    customerId: uuid('customer_id').references(() => customers.id),
    relatedType: text('related_type'),
    relatedId: uuid('related_id'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    completedBy: uuid('completed_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('tasks_assignee_due_idx').on(t.assigneeId, t.status, t.dueAt),
    index('tasks_customer_idx').on(t.customerId),
    index('tasks_related_idx').on(t.relatedType, t.relatedId),
    index('tasks_created_by_idx').on(t.createdBy),
    index('tasks_team_idx').on(t.teamId),
    index('tasks_remind_pending_idx').on(t.remindAt).where(sql`${t.remindedAt} is null and ${t.status} = 'open'`),
    index('tasks_overdue_pending_idx').on(t.dueAt).where(sql`${t.overdueNotifiedAt} is null and ${t.status} = 'open'`),
    check('tasks_kind', sql`${t.kind} in ('todo', 'call', 'meeting', 'email', 'follow_up')`),
    check('tasks_status', sql`${t.status} in ('open', 'done', 'cancelled')`),
    check('tasks_priority', sql`${t.priority} in ('low', 'normal', 'high')`),
    check('tasks_related_pair', sql`(${t.relatedType} is null) = (${t.relatedId} is null)`),
  ],
);

/**
 * An in-app notification for one user. Titles are generic text in both languages; anything
 * that may name a customer goes in body, which an erasure blanks (customer_id says whose).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    titleTh: text('title_th').notNull(),
    titleEn: text('title_en').notNull(),
    body: text('body'),
    link: text('link'),
    customerId: uuid('customer_id').references(() => customers.id),
    refType: text('ref_type'),
    refId: uuid('ref_id'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
    index('notifications_customer_idx').on(t.customerId),
  ],
);
