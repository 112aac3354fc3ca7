import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { users } from '../../core/auth/schema.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { leadAssignmentRules } from './schema.ts';

export interface Assignment {
  ownerId: string;
  teamId: string | null;
  ruleId: string;
}

/** Provinces compare without case, spaces or the "จังหวัด"/"จ." prefix people type. */
export function provinceKey(province: string | null | undefined): string {
  return (province ?? '')
    .trim()
    .toLowerCase()
    .replace(/^(จังหวัด|จ\.)\s*/, '')
    .replace(/\s+/g, '');
}

type Rule = typeof leadAssignmentRules.$inferSelect;

export function ruleMatches(rule: Pick<Rule, 'kind' | 'provinces' | 'sources'>, lead: LeadToAssign): boolean {
  if (rule.kind === 'round_robin') return true;
  if (rule.kind === 'territory') {
    const key = provinceKey(lead.province);
    return key !== '' && rule.provinces.some((p) => provinceKey(p) === key);
  }
  if (rule.kind === 'source') return rule.sources.includes(lead.source);
  return false;
}

export interface LeadToAssign {
  province: string | null;
  source: string;
}

/** The active users a rule hands leads to, in a stable order: its listed users, else its team's members. */
export async function candidates(tx: DbOrTx, rule: Rule): Promise<{ id: string; teamId: string | null }[]> {
  if (rule.userIds.length > 0) {
    const rows = await tx
      .select({ id: users.id, teamId: users.teamId })
      .from(users)
      .where(and(inArray(users.id, rule.userIds), eq(users.status, 'active')));
    const byId = new Map(rows.map((r) => [r.id, r]));
    return rule.userIds.flatMap((id) => {
      const u = byId.get(id);
      return u ? [u] : [];
    });
  }
  if (!rule.teamId) return [];
  return tx
    .select({ id: users.id, teamId: users.teamId })
    .from(users)
    .where(and(eq(users.teamId, rule.teamId), eq(users.status, 'active')))
    .orderBy(asc(users.createdAt), asc(users.id));
}

/**
 * Runs the assignment rules in order; the first rule that matches the lead and has an
 * active user hands it to the next user in its rotation. The rotation's turn counter is
 * advanced with UPDATE … RETURNING, which locks the rule's row until the transaction ends,
 * so concurrent leads take consecutive turns and nobody is skipped or picked twice.
 */
export async function assignByRules(tx: DbOrTx, lead: LeadToAssign): Promise<Assignment | null> {
  const rules = await tx
    .select()
    .from(leadAssignmentRules)
    .where(eq(leadAssignmentRules.active, true))
    .orderBy(asc(leadAssignmentRules.position), asc(leadAssignmentRules.createdAt));
  for (const rule of rules) {
    if (!ruleMatches(rule, lead)) continue;
    const people = await candidates(tx, rule);
    if (people.length === 0) continue;
    const [row] = await tx
      .update(leadAssignmentRules)
      .set({ turn: sql`${leadAssignmentRules.turn} + 1` })
      .where(eq(leadAssignmentRules.id, rule.id))
      .returning({ turn: leadAssignmentRules.turn });
    const turn = Number(row?.turn ?? 1);
    const pick = people[(turn - 1) % people.length];
    if (!pick) continue;
    return { ownerId: pick.id, teamId: pick.teamId, ruleId: rule.id };
  }
  return null;
}
