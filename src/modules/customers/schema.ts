import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { teams, users } from '../../core/auth/schema.ts';

/**
 * The customer profile. The foundation holds the core of it (names, main contacts,
 * owner and team for record visibility); the Identify issue grows it.
 */
export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull().default('person'),
    displayName: text('display_name').notNull(),
    firstName: text('first_name'),
    lastName: text('last_name'),
    firstNameEn: text('first_name_en'),
    lastNameEn: text('last_name_en'),
    nickname: text('nickname'),
    email: text('email'),
    phone: text('phone'),
    lineId: text('line_id'),
    province: text('province'),
    district: text('district'),
    postcode: text('postcode'),
    addressLine: text('address_line'),
    source: text('source'),
    tags: text('tags').array().notNull().default([]),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index('customers_owner_idx').on(t.ownerId),
    index('customers_team_idx').on(t.teamId),
    index('customers_created_idx').on(t.createdAt, t.id),
  ],
);
