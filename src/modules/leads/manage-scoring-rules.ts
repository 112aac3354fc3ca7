import { asc, eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { validateInput } from '../customers/index.ts';
import { authorizeLeadSetup } from './lead-access.ts';
import { leadScoringRules } from './schema.ts';
import {
  type ScoringRuleInput,
  type ScoringRuleView,
  scoringRuleColumns,
  scoringRuleInputSchema,
  toScoringRuleView,
} from './scoring-rule-input.ts';

/** The topic whose job rescores every open lead (see jobs.ts). */
export const RESCORE_REQUESTED = 'leads.rescore_requested';

async function requestRescore(tx: DbOrTx, ruleId: string): Promise<void> {
  await emitEvent(tx, {
    topic: RESCORE_REQUESTED,
    aggregateType: 'lead_scoring_rule',
    aggregateId: ruleId,
    payload: {},
  });
}

export async function listScoringRules(db: DbOrTx, actor: Actor): Promise<ScoringRuleView[]> {
  authorize(actor.principal, 'sales', 'read');
  const rows = await db
    .select()
    .from(leadScoringRules)
    .orderBy(asc(leadScoringRules.createdAt), asc(leadScoringRules.id));
  return rows.map(toScoringRuleView);
}

/** Adds a rule; every open lead is rescored by a job (leads.rescore_requested). */
export async function createScoringRule(db: DbOrTx, actor: Actor, raw: ScoringRuleInput): Promise<ScoringRuleView> {
  authorizeLeadSetup(actor, 'create');
  const columns = scoringRuleColumns(validateInput(scoringRuleInputSchema, raw));
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(leadScoringRules).values(columns).returning();
    if (!row) throw new Error('insert returned nothing');
    await recordAudit(tx, actor, {
      entityType: 'lead_scoring_rule',
      entityId: row.id,
      action: 'create',
      after: columns,
    });
    await requestRescore(tx, row.id);
    return toScoringRuleView(row);
  });
}

/** Replaces a rule's definition (send the whole rule); leads are rescored by the job. */
export async function updateScoringRule(
  db: DbOrTx,
  actor: Actor,
  id: string,
  raw: ScoringRuleInput,
): Promise<ScoringRuleView> {
  authorizeLeadSetup(actor);
  const columns = scoringRuleColumns(validateInput(scoringRuleInputSchema, raw));
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(leadScoringRules).where(eq(leadScoringRules.id, id)).for('update');
    if (!before) throw new AppError('not_found');
    const [row] = await tx
      .update(leadScoringRules)
      .set({ ...columns, updatedAt: new Date() })
      .where(eq(leadScoringRules.id, id))
      .returning();
    if (!row) throw new Error('update returned nothing');
    await recordAudit(tx, actor, {
      entityType: 'lead_scoring_rule',
      entityId: id,
      action: 'update',
      before,
      after: row,
    });
    await requestRescore(tx, id);
    return toScoringRuleView(row);
  });
}

export async function deleteScoringRule(db: DbOrTx, actor: Actor, id: string): Promise<void> {
  authorizeLeadSetup(actor, 'delete');
  await db.transaction(async (tx) => {
    const [gone] = await tx.delete(leadScoringRules).where(eq(leadScoringRules.id, id)).returning();
    if (!gone) throw new AppError('not_found');
    await recordAudit(tx, actor, { entityType: 'lead_scoring_rule', entityId: id, action: 'delete', before: gone });
    await requestRescore(tx, id);
  });
}
