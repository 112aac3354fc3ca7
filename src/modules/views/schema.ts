import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { teams, users } from '../../core/auth/schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** Query parameters of the customer list as saved: `tag` may repeat, custom fields are `cf.<key>`. */
export type SavedFilters = Record<string, string | string[]>;

/**
 * A saved view of the customer list: its filters, sort and columns, under a name. Shared
 * views are seen by the owner's team (the team the owner was in when they last saved it).
 */
export const savedViews = pgTable(
  'saved_views',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    filters: jsonb('filters').$type<SavedFilters>().notNull().default({}),
    sort: text('sort').notNull().default('created_desc'),
    columns: text('columns').array().notNull().default([]),
    shared: boolean('shared').notNull().default(false),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('saved_views_owner_name_idx').on(t.ownerId, t.name),
    index('saved_views_team_shared_idx').on(t.teamId).where(sql`${t.shared}`),
  ],
);
