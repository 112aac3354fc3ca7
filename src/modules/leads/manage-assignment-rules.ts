import { and, asc, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import { teams, users } from '../../core/auth/schema.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { validateInput } from '../customers/index.ts';
import {
  type AssignmentRuleView,
  type CreateAssignmentRuleInput,
  createAssignmentRuleSchema,
  toAssignmentRuleView,
  type UpdateAssignmentRuleInput,
  updateAssignmentRuleSchema,
} from './assignment-rule-input.ts';
import { authorizeLeadSetup } from './lead-access.ts';
import { leadAssignmentRules } from './schema.ts';

type RuleRow = typeof leadAssignmentRules.$inferSelect;
type RuleShape = Pick<RuleRow, 'kind' | 'provinces' | 'sources' | 'userIds' | 'teamId'>;

/** A rule must name who gets leads (users that exist, or a team) and, by kind, what it matches. */
async function checkRule(tx: DbOrTx, rule: RuleShape): Promise<void> {
  if (rule.userIds.length === 0 && !rule.teamId) throw new AppError('lead_rule_needs_target');
  if (rule.kind === 'territory' && rule.provinces.length === 0)
    throw new AppError('lead_rule_needs_match', { kind: 'territory', what: 'province', whatTh: 'จังหวัด' });
  if (rule.kind === 'source' && rule.sources.length === 0)
    throw new AppError('lead_rule_needs_match', { kind: 'source', what: 'source', whatTh: 'ช่องทาง' });
  if (rule.userIds.length > 0) {
    const found = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, rule.userIds), eq(users.status, 'active')));
    const known = new Set(found.map((u) => u.id));
    const missing = rule.userIds.find((id) => !known.has(id));
    if (missing) throw new AppError('lead_rule_user_unknown', { userId: missing });
  }
  if (rule.teamId) {
    const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, rule.teamId));
    if (!team) throw new AppError('lead_rule_team_unknown', { teamId: rule.teamId });
  }
}

export async function listAssignmentRules(db: DbOrTx, actor: Actor): Promise<AssignmentRuleView[]> {
  authorize(actor.principal, 'sales', 'read');
  const rows = await db
    .select()
    .from(leadAssignmentRules)
    .orderBy(asc(leadAssignmentRules.position), asc(leadAssignmentRules.createdAt));
  return rows.map(toAssignmentRuleView);
}

export async function createAssignmentRule(
  db: DbOrTx,
  actor: Actor,
  raw: CreateAssignmentRuleInput,
): Promise<AssignmentRuleView> {
  authorizeLeadSetup(actor, 'create');
  const input = validateInput(createAssignmentRuleSchema, raw);
  const rule = {
    name: input.name,
    kind: input.kind,
    position: input.position ?? 0,
    provinces: input.provinces ?? [],
    sources: input.sources ?? [],
    userIds: [...new Set(input.userIds ?? [])],
    teamId: input.teamId ?? null,
    active: input.active ?? true,
  };
  return db.transaction(async (tx) => {
    await checkRule(tx, rule);
    const [row] = await tx.insert(leadAssignmentRules).values(rule).returning();
    if (!row) throw new Error('insert returned nothing');
    await recordAudit(tx, actor, {
      entityType: 'lead_assignment_rule',
      entityId: row.id,
      action: 'create',
      after: rule,
    });
    return toAssignmentRuleView(row);
  });
}

export async function updateAssignmentRule(
  db: DbOrTx,
  actor: Actor,
  id: string,
  raw: UpdateAssignmentRuleInput,
): Promise<AssignmentRuleView> {
  authorizeLeadSetup(actor);
  const input = validateInput(updateAssignmentRuleSchema, raw);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(leadAssignmentRules).where(eq(leadAssignmentRules.id, id)).for('update');
    if (!before) throw new AppError('not_found');
    const next = { ...before, ...input, ...(input.userIds ? { userIds: [...new Set(input.userIds)] } : {}) };
    await checkRule(tx, next);
    const [row] = await tx
      .update(leadAssignmentRules)
      .set({ ...input, ...(input.userIds ? { userIds: next.userIds } : {}), updatedAt: new Date() })
      .where(eq(leadAssignmentRules.id, id))
      .returning();
    if (!row) throw new Error('update returned nothing');
    await recordAudit(tx, actor, {
      entityType: 'lead_assignment_rule',
      entityId: id,
      action: 'update',
      before,
      after: row,
    });
    return toAssignmentRuleView(row);
  });
}

export async function deleteAssignmentRule(db: DbOrTx, actor: Actor, id: string): Promise<void> {
  authorizeLeadSetup(actor, 'delete');
  await db.transaction(async (tx) => {
    const [gone] = await tx.delete(leadAssignmentRules).where(eq(leadAssignmentRules.id, id)).returning();
    if (!gone) throw new AppError('not_found');
    await recordAudit(tx, actor, { entityType: 'lead_assignment_rule', entityId: id, action: 'delete', before: gone });
  });
}
