import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { type Assignment, candidates, type LeadToAssign, ruleMatches } from './assign-lead.ts';
import { leadAssignmentRules } from './schema.ts';

/**
 * The assignment rules for many leads at once (an import batch), with the same outcome as
 * assignByRules lead after lead: each rule's turn counter is advanced once by the number
 * of leads it takes (UPDATE … RETURNING, row lock until the batch commits), and its leads
 * get the turns in file order, so rotations stay fair across batches and other writers.
 */
export async function assignLeadsBatch(
  tx: DbOrTx,
  leadsToAssign: readonly LeadToAssign[],
): Promise<(Assignment | null)[]> {
  const out: (Assignment | null)[] = leadsToAssign.map(() => null);
  if (leadsToAssign.length === 0) return out;
  const rules = await tx
    .select()
    .from(leadAssignmentRules)
    .where(eq(leadAssignmentRules.active, true))
    .orderBy(asc(leadAssignmentRules.position), asc(leadAssignmentRules.createdAt));
  const people = new Map<string, { id: string; teamId: string | null }[]>();
  const taken = new Map<string, number[]>();
  for (const rule of rules) people.set(rule.id, await candidates(tx, rule));
  leadsToAssign.forEach((lead, i) => {
    const rule = rules.find((r) => ruleMatches(r, lead) && (people.get(r.id)?.length ?? 0) > 0);
    if (rule) taken.set(rule.id, [...(taken.get(rule.id) ?? []), i]);
  });
  for (const [ruleId, indexes] of taken) {
    const [row] = await tx
      .update(leadAssignmentRules)
      .set({ turn: sql`${leadAssignmentRules.turn} + ${indexes.length}` })
      .where(eq(leadAssignmentRules.id, ruleId))
      .returning({ turn: leadAssignmentRules.turn });
    const first = Number(row?.turn ?? indexes.length) - indexes.length + 1;
    const team = people.get(ruleId) ?? [];
    indexes.forEach((leadIndex, j) => {
      const pick = team[(first + j - 1) % team.length];
      if (pick) out[leadIndex] = { ownerId: pick.id, teamId: pick.teamId, ruleId };
    });
  }
  return out;
}
