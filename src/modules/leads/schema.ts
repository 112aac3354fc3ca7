import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { teams, users } from '../../core/auth/schema.ts';
import { customers } from '../customers/index.ts';
import { deals } from '../deals/index.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** One reason behind a rule score: the rule, its full points and what is left after decay. */
export interface ScoreReason {
  ruleId: string;
  name: string;
  kind: 'fit' | 'behaviour';
  points: number;
  /** Fit: the points; behaviour: the sum over counted events of points × ½^(age / half-life). */
  decayedPoints: number;
  events?: number;
}

/** A web form that posts leads to /api/v1/public/lead-forms/{key}; only sha256(key) is kept. */
export const leadForms = pgTable(
  'lead_forms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    keyHash: text('key_hash').notNull(),
    /** The key's last four characters, so staff can tell keys apart. */
    keyHint: text('key_hint').notNull(),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [unique('lead_forms_key_hash_key').on(t.keyHash)],
);

/** Assignment rules, tried in position order; the first that matches picks the next of its users. */
export const leadAssignmentRules = pgTable(
  'lead_assignment_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    /** round_robin: every lead; territory: leads of `provinces`; source: leads of `sources`. */
    kind: text('kind').notNull(),
    provinces: text('provinces').array().notNull().default(sql`'{}'`),
    sources: text('sources').array().notNull().default(sql`'{}'`),
    userIds: uuid('user_ids').array().notNull().default(sql`'{}'`),
    /** With no userIds: the team's active members take turns. */
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    /** Round-robin turn counter, advanced with UPDATE … RETURNING (row lock: safe under concurrency). */
    turn: bigint('turn', { mode: 'number' }).notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('lead_assignment_rules_position_idx').on(t.position),
    check('lead_assignment_rules_kind', sql`${t.kind} in ('round_robin', 'territory', 'source')`),
  ],
);

export const leads = pgTable(
  'leads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    displayName: text('display_name').notNull(),
    firstName: text('first_name'),
    lastName: text('last_name'),
    company: text('company'),
    jobTitle: text('job_title'),
    email: text('email'),
    phone: text('phone'),
    lineId: text('line_id'),
    province: text('province'),
    source: text('source').notNull().default('manual'),
    sourceDetail: text('source_detail'),
    formId: uuid('form_id').references(() => leadForms.id, { onDelete: 'set null' }),
    status: text('status').notNull().default('new'),
    disqualifyReason: text('disqualify_reason'),
    notes: text('notes'),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    assignedByRuleId: uuid('assigned_by_rule_id').references(() => leadAssignmentRules.id, { onDelete: 'set null' }),
    score: integer('score').notNull().default(0),
    scoreReasons: jsonb('score_reasons').$type<ScoreReason[]>().notNull().default([]),
    modelScore: integer('model_score'),
    scoredAt: at('scored_at'),
    contactedAt: at('contacted_at'),
    qualifiedAt: at('qualified_at'),
    disqualifiedAt: at('disqualified_at'),
    // Named customer_id (not converted_customer_id) on purpose: merges move, and privacy
    // export and erasure find, every table with a customer_id column.
    convertedCustomerId: uuid('customer_id').references(() => customers.id),
    convertedDealId: uuid('converted_deal_id').references(() => deals.id, { onDelete: 'set null' }),
    convertedAt: at('converted_at'),
    convertedBy: uuid('converted_by').references(() => users.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('leads_created_idx').on(t.createdAt, t.id),
    index('leads_owner_idx').on(t.ownerId, t.status),
    index('leads_team_idx').on(t.teamId),
    index('leads_status_idx').on(t.status, t.createdAt),
    index('leads_score_idx').on(t.score),
    index('leads_email_idx').on(t.email),
    index('leads_phone_idx').on(t.phone),
    index('leads_converted_customer_idx').on(t.convertedCustomerId),
    check('leads_status', sql`${t.status} in ('new', 'contacted', 'qualified', 'disqualified', 'converted')`),
    check(
      'leads_source',
      sql`${t.source} in ('manual', 'form', 'import', 'api', 'line', 'referral', 'event', 'other')`,
    ),
    check('leads_score_range', sql`${t.score} between 0 and 100`),
    check('leads_model_score_range', sql`${t.modelScore} between 0 and 100`),
    check('leads_disqualify_reason', sql`${t.status} <> 'disqualified' or ${t.disqualifyReason} is not null`),
    check('leads_converted_pair', sql`(${t.status} = 'converted') = (${t.convertedAt} is not null)`),
  ],
);

/** Behaviour of a lead (form fills, email opens/clicks, visits, replies, calls, meetings, notes). */
export const leadEvents = pgTable(
  'lead_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    occurredAt: at('occurred_at').notNull().defaultNow(),
    properties: jsonb('properties').$type<Record<string, unknown>>().notNull().default({}),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('lead_events_lead_idx').on(t.leadId, t.occurredAt),
    check(
      'lead_events_kind',
      sql`${t.kind} in ('form_fill', 'email_open', 'email_click', 'visit', 'reply', 'call', 'meeting', 'note')`,
    ),
  ],
);

/** Admin-defined scoring rules: profile fit (field test → points) and behaviour (event kind → points, decaying). */
export const leadScoringRules = pgTable(
  'lead_scoring_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    field: text('field'),
    operator: text('operator'),
    values: text('values').array().notNull().default(sql`'{}'`),
    eventKind: text('event_kind'),
    points: integer('points').notNull(),
    halfLifeDays: doublePrecision('half_life_days'),
    maxEvents: integer('max_events').notNull().default(10),
    active: boolean('active').notNull().default(true),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('lead_scoring_rules_kind', sql`${t.kind} in ('fit', 'behaviour')`),
    check('lead_scoring_rules_points', sql`${t.points} between -100 and 100`),
    check(
      'lead_scoring_rules_shape',
      sql`(${t.kind} = 'fit' and ${t.field} is not null and ${t.operator} is not null) or (${t.kind} = 'behaviour' and ${t.eventKind} is not null)`,
    ),
  ],
);

/** One feature of the learned model: the scoring rule it was computed from, frozen at training. */
export interface ModelFeature {
  ruleId: string;
  name: string;
  kind: 'fit' | 'behaviour';
  field: string | null;
  operator: string | null;
  values: string[];
  eventKind: string | null;
  halfLifeDays: number | null;
  maxEvents: number;
  /** Standardisation used in training: x' = (x − mean) / sd. */
  mean: number;
  sd: number;
}

/** A trained (or queued/failed) logistic-regression lead model; the newest trained one scores. */
export const leadScoreModels = pgTable(
  'lead_score_models',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    status: text('status').notNull().default('queued'),
    minOutcomes: integer('min_outcomes').notNull(),
    features: jsonb('features').$type<ModelFeature[]>().notNull().default([]),
    /** Intercept first, then one coefficient per feature (on standardised features). */
    coefficients: jsonb('coefficients').$type<number[]>().notNull().default([]),
    nTrain: integer('n_train'),
    nHoldout: integer('n_holdout'),
    nWon: integer('n_won'),
    nLost: integer('n_lost'),
    accuracy: doublePrecision('accuracy'),
    auc: doublePrecision('auc'),
    errorCode: text('error_code'),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    trainedAt: at('trained_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('lead_score_models_created_idx').on(t.createdAt),
    check('lead_score_models_status', sql`${t.status} in ('queued', 'running', 'trained', 'failed')`),
  ],
);
