import { z } from '@hono/zod-openapi';
import { eq, getTableColumns } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import { users } from '../../core/auth/schema.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { findLeadDuplicates, type LeadDuplicate, leadDuplicateSchema } from './lead-duplicates.ts';
import { LEAD_SOURCES, LEAD_STATUSES } from './lead-input.ts';
import { LEAD_EVENT_KINDS } from './lead-score.ts';
import { type leadEvents, leads } from './schema.ts';

export const scoreReasonSchema = z
  .object({
    ruleId: z.string(),
    name: z.string(),
    kind: z.enum(['fit', 'behaviour']),
    points: z.number(),
    decayedPoints: z.number(),
    events: z.number().optional(),
  })
  .openapi('LeadScoreReason');

export const leadViewSchema = z
  .object({
    id: z.string().uuid(),
    displayName: z.string(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    company: z.string().nullable(),
    jobTitle: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    lineId: z.string().nullable(),
    province: z.string().nullable(),
    source: z.enum(LEAD_SOURCES),
    sourceDetail: z.string().nullable(),
    status: z.enum(LEAD_STATUSES),
    disqualifyReason: z.string().nullable(),
    notes: z.string().nullable(),
    ownerId: z.string().uuid().nullable(),
    ownerName: z.string().nullable(),
    teamId: z.string().uuid().nullable(),
    assignedByRuleId: z.string().uuid().nullable(),
    score: z.number().int(),
    scoreReasons: z.array(scoreReasonSchema),
    modelScore: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Learned chance of winning, 0–100 (null: no model).' }),
    scoredAt: z.string().nullable(),
    convertedCustomerId: z.string().uuid().nullable(),
    convertedDealId: z.string().uuid().nullable(),
    convertedAt: z.string().nullable(),
    duplicates: z.array(leadDuplicateSchema).openapi({
      description:
        'Possible duplicates of an open lead: open leads and active customers (that you may see) with the same email or phone.',
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Lead');
export type LeadView = z.infer<typeof leadViewSchema>;

export const leadEventViewSchema = z
  .object({
    id: z.string().uuid(),
    kind: z.enum(LEAD_EVENT_KINDS),
    occurredAt: z.string(),
    properties: z.record(z.string(), z.unknown()),
    createdBy: z.string().uuid().nullable(),
  })
  .openapi('LeadEvent');
export type LeadEventView = z.infer<typeof leadEventViewSchema>;

type LeadRow = typeof leads.$inferSelect;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toLeadView(row: LeadRow, ownerName: string | null, duplicates: LeadDuplicate[] = []): LeadView {
  return {
    id: row.id,
    displayName: row.displayName,
    firstName: row.firstName,
    lastName: row.lastName,
    company: row.company,
    jobTitle: row.jobTitle,
    email: row.email,
    phone: row.phone,
    lineId: row.lineId,
    province: row.province,
    source: row.source as LeadView['source'],
    sourceDetail: row.sourceDetail,
    status: row.status as LeadView['status'],
    disqualifyReason: row.disqualifyReason,
    notes: row.notes,
    ownerId: row.ownerId,
    ownerName,
    teamId: row.teamId,
    assignedByRuleId: row.assignedByRuleId,
    score: row.score,
    scoreReasons: row.scoreReasons ?? [],
    modelScore: row.modelScore,
    scoredAt: iso(row.scoredAt),
    convertedCustomerId: row.convertedCustomerId,
    convertedDealId: row.convertedDealId,
    convertedAt: iso(row.convertedAt),
    duplicates,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Lead columns plus the owner's name, for lists and single reads. */
export function selectLeads(db: DbOrTx) {
  return db
    .select({ ...getTableColumns(leads), ownerName: users.name })
    .from(leads)
    .leftJoin(users, eq(users.id, leads.ownerId));
}

/** Views of lead rows with their possible duplicates (two queries for the whole list). */
export async function rowsToViews(
  db: DbOrTx,
  actor: Actor,
  rows: (LeadRow & { ownerName: string | null })[],
): Promise<LeadView[]> {
  const duplicates = await findLeadDuplicates(db, actor, rows);
  return rows.map((row) => toLeadView(row, row.ownerName, duplicates.get(row.id) ?? []));
}

/** Reloads a lead by id (after a write, inside the same transaction), as the caller sees it. */
export async function loadLeadView(tx: DbOrTx, id: string, actor: Actor): Promise<LeadView> {
  const [row] = await selectLeads(tx).where(eq(leads.id, id));
  if (!row) throw new Error(`lead ${id} vanished`);
  const [view] = await rowsToViews(tx, actor, [row]);
  if (!view) throw new Error(`lead ${id} vanished`);
  return view;
}

export function toEventView(row: typeof leadEvents.$inferSelect): LeadEventView {
  return {
    id: row.id,
    kind: row.kind as LeadEventView['kind'],
    occurredAt: row.occurredAt.toISOString(),
    properties: row.properties ?? {},
    createdBy: row.createdBy,
  };
}
