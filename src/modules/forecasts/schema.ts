import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { teams, users } from '../../core/auth/schema.ts';

/**
 * A sales target for one user or one team over one calendar month or quarter: revenue in
 * satang and, optionally, a number of won deals. `periodStart` is the period's first day.
 * A month and the quarter that holds it may both have a quota (docs/FORECASTS.md).
 */
export const quotas = pgTable(
  'quotas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'cascade' }),
    periodKind: text('period_kind').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    amountSatang: bigint('amount_satang', { mode: 'number' }).notNull(),
    dealCount: integer('deal_count'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('quotas_user_period_key').on(t.userId, t.periodKind, t.periodStart).where(sql`${t.userId} is not null`),
    uniqueIndex('quotas_team_period_key').on(t.teamId, t.periodKind, t.periodStart).where(sql`${t.teamId} is not null`),
    index('quotas_period_idx').on(t.periodStart),
    check('quotas_one_assignee', sql`(${t.userId} is null) <> (${t.teamId} is null)`),
    check('quotas_period_kind', sql`${t.periodKind} in ('month', 'quarter')`),
    check(
      'quotas_period_start',
      sql`extract(day from ${t.periodStart}) = 1 and (${t.periodKind} = 'month' or extract(month from ${t.periodStart}) in (1, 4, 7, 10))`,
    ),
    check('quotas_amount_nonnegative', sql`${t.amountSatang} >= 0`),
    check('quotas_deal_count_nonnegative', sql`${t.dealCount} is null or ${t.dealCount} >= 0`),
  ],
);
