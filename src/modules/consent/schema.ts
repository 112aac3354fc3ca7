import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../core/auth/schema.ts';
import { customers } from '../customers/schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** What consent is asked for: marketing, profiling, third-party sharing, … */
export const consentPurposes = pgTable('consent_purposes', {
  code: text('code').primaryKey(),
  nameTh: text('name_th').notNull(),
  nameEn: text('name_en').notNull(),
  /**
   * The purpose's lawful basis: 'consent' needs a grant before contact; any other basis
   * (contract, legitimate_interest, …) allows contact unless the person objects.
   */
  lawfulBasis: text('lawful_basis').notNull().default('consent'),
  /** The version of the text customers agree to now. */
  currentVersion: integer('current_version').notNull().default(1),
  active: boolean('active').notNull().default(true),
  createdAt: at('created_at').notNull().defaultNow(),
});

/** Every version of a purpose's consent text, kept forever (a record names the version agreed to). */
export const consentTexts = pgTable(
  'consent_texts',
  {
    purpose: text('purpose')
      .notNull()
      .references(() => consentPurposes.code),
    version: integer('version').notNull(),
    textTh: text('text_th').notNull(),
    textEn: text('text_en').notNull(),
    publishedAt: at('published_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.purpose, t.version] })],
);

/** The full history: one row per consent given, withdrawn or refused. Never updated. */
export const consentRecords = pgTable(
  'consent_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    purpose: text('purpose')
      .notNull()
      .references(() => consentPurposes.code),
    /** email | sms | line | phone | any */
    channel: text('channel').notNull(),
    /** granted | withdrawn | denied */
    status: text('status').notNull(),
    /** consent | contract | legal_obligation | vital_interest | public_task | legitimate_interest */
    lawfulBasis: text('lawful_basis').notNull().default('consent'),
    /** staff | form | import | api | link | line | merge */
    source: text('source').notNull(),
    textVersion: integer('text_version'),
    note: text('note'),
    evidence: jsonb('evidence').$type<Record<string, unknown>>().notNull().default({}),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: at('recorded_at').notNull().defaultNow(),
  },
  (t) => [index('consent_records_customer_idx').on(t.customerId, t.purpose, t.channel, t.recordedAt)],
);

/** The latest record per customer, purpose and channel: what "may I contact X?" reads. */
export const consentState = pgTable(
  'consent_state',
  {
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    purpose: text('purpose')
      .notNull()
      .references(() => consentPurposes.code),
    channel: text('channel').notNull(),
    status: text('status').notNull(),
    lawfulBasis: text('lawful_basis').notNull(),
    textVersion: integer('text_version'),
    recordId: uuid('record_id').notNull(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.customerId, t.purpose, t.channel] }),
    index('consent_state_purpose_idx').on(t.purpose, t.channel, t.status),
  ],
);
