import { and, gte, lt } from 'drizzle-orm';
import { users } from '../../core/auth/schema.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import type { Period } from './period.ts';
import type { SalesScope } from './sales-scope.ts';
import { quotas } from './schema.ts';

export interface Target {
  amountSatang: number;
  dealCount: number | null;
}

function add(a: Target | undefined, b: Target | undefined): Target | undefined {
  if (!a) return b;
  if (!b) return a;
  const dealCount = a.dealCount === null && b.dealCount === null ? null : (a.dealCount ?? 0) + (b.dealCount ?? 0);
  return { amountSatang: a.amountSatang + b.amountSatang, dealCount };
}

export interface Targets {
  user(id: string): Target | undefined;
  team(id: string): Target | undefined;
  /** The target of a scope's group: a user's, a team's (or its members' together), or everyone's. */
  group(group: SalesScope['group']): Target | undefined;
  /** Users and their teams (for names and membership). */
  people: { id: string; name: string; teamId: string | null }[];
}

/**
 * Quotas for a period. A month uses its monthly quota; a quarter its quarterly quota, or
 * else the sum of the monthly quotas inside it. A team without its own quota is the sum of
 * its members'; everyone together is the sum of the teams plus the users without a team.
 */
export async function loadTargets(db: DbOrTx, period: Period): Promise<Targets> {
  const rows = await db
    .select()
    .from(quotas)
    .where(and(gte(quotas.periodStart, period.start), lt(quotas.periodStart, period.end)));
  const people = await db.select({ id: users.id, name: users.name, teamId: users.teamId }).from(users);
  const pick = (own: typeof rows): Target | undefined => {
    const exact = own.find((r) => r.periodKind === period.kind && r.periodStart === period.start);
    const parts = exact ? [exact] : period.kind === 'quarter' ? own.filter((r) => r.periodKind === 'month') : [];
    return parts.reduce<Target | undefined>(
      (sum, r) => add(sum, { amountSatang: r.amountSatang, dealCount: r.dealCount }),
      undefined,
    );
  };
  const user = (id: string) => pick(rows.filter((r) => r.userId === id));
  const team = (id: string) =>
    pick(rows.filter((r) => r.teamId === id)) ??
    people.filter((p) => p.teamId === id).reduce<Target | undefined>((sum, p) => add(sum, user(p.id)), undefined);
  return {
    user,
    team,
    people,
    group(group) {
      if (group.kind === 'user') return user(group.userId);
      if (group.kind === 'team') return team(group.teamId);
      const teamIds = new Set(people.flatMap((p) => (p.teamId ? [p.teamId] : [])));
      for (const r of rows) if (r.teamId) teamIds.add(r.teamId);
      let sum: Target | undefined;
      for (const id of teamIds) sum = add(sum, team(id));
      for (const p of people) if (!p.teamId) sum = add(sum, user(p.id));
      return sum;
    },
  };
}
