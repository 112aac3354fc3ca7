import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { teams, users } from '../../core/auth/schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * One profile per real person or company. email/phone/lineId are the primary contacts
 * shown on the profile; every identifier (including those) lives in customer_identities,
 * which is what identity resolution matches on.
 */
export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** person | company */
    kind: text('kind').notNull().default('person'),
    /** consumer | reseller | business */
    customerType: text('customer_type').notNull().default('consumer'),
    /** active | merged (kept for unmerge until the grace period ends) | erased (PDPA) */
    status: text('status').notNull().default('active'),
    displayName: text('display_name').notNull(),
    firstName: text('first_name'),
    lastName: text('last_name'),
    firstNameEn: text('first_name_en'),
    lastNameEn: text('last_name_en'),
    nickname: text('nickname'),
    /** female | male | other | unspecified */
    gender: text('gender'),
    birthday: date('birthday', { mode: 'string' }),
    /** Preferred language for messages: th | en | … */
    language: text('language'),
    occupation: text('occupation'),
    /** Monthly income band code, e.g. 15k_30k */
    incomeBand: text('income_band'),
    interests: text('interests').array().notNull().default([]),
    email: text('email'),
    phone: text('phone'),
    lineId: text('line_id'),
    addressLine: text('address_line'),
    subDistrict: text('sub_district'),
    district: text('district'),
    province: text('province'),
    postcode: text('postcode'),
    /** Companies: 13-digit Thai tax id, industry and head-count band. */
    taxId: text('tax_id'),
    industry: text('industry'),
    companySize: text('company_size'),
    website: text('website'),
    source: text('source'),
    tags: text('tags').array().notNull().default([]),
    /** Values of admin-defined custom fields, keyed by definition key. */
    customFields: jsonb('custom_fields').$type<Record<string, unknown>>().notNull().default({}),
    referredById: uuid('referred_by_id').references((): AnyPgColumn => customers.id, { onDelete: 'set null' }),
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => customers.id, { onDelete: 'set null' }),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    /** Normalised words for search (Thai word-broken, Latin folded, phone forms); see search-text.ts. */
    searchText: text('search_text').notNull().default(''),
    lastContactedAt: at('last_contacted_at'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('customers_owner_created_idx').on(t.ownerId, t.createdAt, t.id),
    index('customers_team_idx').on(t.teamId),
    index('customers_created_idx').on(t.createdAt, t.id),
    index('customers_display_name_idx').on(t.displayName, t.id),
    index('customers_updated_idx').on(t.updatedAt, t.id),
    index('customers_province_idx').on(t.province),
    index('customers_referred_by_idx').on(t.referredById),
    index('customers_merged_into_idx').on(t.mergedIntoId),
    index('customers_tags_idx').using('gin', t.tags),
    index('customers_custom_fields_idx').using('gin', sql`${t.customFields} jsonb_path_ops`),
    // search_vector and the dedupe_* keys are GENERATED ... STORED columns (migration 0004),
    // deliberately not declared above: update-customer writes a whole row back with
    // .set({...row}), and a declared generated column would be written too, which PostgreSQL
    // refuses. The finder and the search reach them by name.
    index('customers_search_idx').using('gin', sql`search_vector`),
    index('customers_dedupe_name_idx').on(sql`dedupe_name`, t.birthday).where(sql`status = 'active'`),
    index('customers_dedupe_tax_id_idx')
      .on(sql`dedupe_tax_id`)
      .where(sql`status = 'active' and dedupe_tax_id is not null`),
    index('customers_name_trgm_idx').using('gin', sql`${t.displayName} gin_trgm_ops`),
  ],
);

/**
 * Every identifier of a profile: email (lower-case), phone (E.164), LINE userId, Facebook
 * PSID, POS member number, external ids. `system` names the source system of an external
 * id ('' for the others). An identifier belongs to one profile at a time.
 */
export const customerIdentities = pgTable(
  'customer_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    /** email | phone | line | facebook | pos | external */
    kind: text('kind').notNull(),
    system: text('system').notNull().default(''),
    value: text('value').notNull(),
    isPrimary: boolean('is_primary').notNull().default(false),
    /** ok | invalid | bounced | unreachable */
    status: text('status').notNull().default('ok'),
    statusReason: text('status_reason'),
    createdAt: at('created_at').notNull().defaultNow(),
    lastSeenAt: at('last_seen_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('customer_identities_key').on(t.kind, t.system, t.value),
    index('customer_identities_customer_idx').on(t.customerId),
    index('customer_identities_status_idx').on(t.status),
  ],
);

/** Further addresses; the primary address is on the profile itself. */
export const customerAddresses = pgTable(
  'customer_addresses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    /** home | work | billing | shipping | other */
    label: text('label').notNull().default('other'),
    addressLine: text('address_line'),
    subDistrict: text('sub_district'),
    district: text('district'),
    province: text('province'),
    postcode: text('postcode'),
    country: text('country').notNull().default('TH'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('customer_addresses_customer_idx').on(t.customerId)],
);

/** People linked to a company by their role in its buying centre. */
export const companyContacts = pgTable(
  'company_contacts',
  {
    companyId: uuid('company_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    /** decision_maker | influencer | buyer | user | gatekeeper */
    role: text('role').notNull(),
    jobTitle: text('job_title'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.personId] }), index('company_contacts_person_idx').on(t.personId)],
);

/** Admin-defined fields on profiles; values live in customers.custom_fields under `key`. */
export const customFieldDefinitions = pgTable('custom_field_definitions', {
  id: uuid('id').primaryKey().defaultRandom(),
  key: text('key').notNull().unique(),
  labelTh: text('label_th').notNull(),
  labelEn: text('label_en').notNull(),
  /** text | number | date | select | multi_select */
  type: text('type').notNull(),
  /** For select types: [{ value, th, en }] */
  options: jsonb('options').$type<{ value: string; th: string; en: string }[]>().notNull().default([]),
  /** person | company | all */
  appliesTo: text('applies_to').notNull().default('all'),
  required: boolean('required').notNull().default(false),
  position: integer('position').notNull().default(0),
  archivedAt: at('archived_at'),
  createdAt: at('created_at').notNull().defaultNow(),
});
