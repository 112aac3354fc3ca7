import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import { authorize, scopeFor } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import { teams, users } from '../../core/auth/schema.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { membersOf } from './sales-scope.ts';
import { quotas } from './schema.ts';

/** Quotas the caller may read: their own; a manager also their team's and its members'; an admin all. */
export function visibleQuota(db: DbOrTx, actor: Actor, ...conds: (SQL | undefined)[]): SQL | undefined {
  const { principal } = actor;
  authorize(principal, 'sales', 'read');
  const scope = scopeFor(principal, 'sales');
  const mine = principal.userId ? eq(quotas.userId, principal.userId) : undefined;
  if (scope === 'all') return and(...conds);
  if (scope === 'team' && principal.teamId) {
    const team = principal.teamId;
    return and(or(mine, eq(quotas.teamId, team), inArray(quotas.userId, membersOf(db, team))), ...conds);
  }
  return and(mine ?? eq(quotas.id, '00000000-0000-0000-0000-000000000000'), ...conds);
}

/**
 * Quotas are set by managers (for their team and its members) and administrators (anyone);
 * a salesperson reads theirs. Unknown assignees are coded errors, before anything is written.
 */
export async function authorizeQuotaChange(
  db: DbOrTx,
  actor: Actor,
  target: { userId: string | null; teamId: string | null },
): Promise<{ userName: string | null; teamName: string | null }> {
  const { principal } = actor;
  authorize(principal, 'sales', 'update');
  const scope = scopeFor(principal, 'sales');
  if (scope === 'own') throw new AppError('quota_manage_forbidden');
  if (target.userId) {
    const [user] = await db
      .select({ name: users.name, teamId: users.teamId })
      .from(users)
      .where(eq(users.id, target.userId));
    if (!user) throw new AppError('sales_user_unknown', { userId: target.userId });
    const own = target.userId === principal.userId;
    if (scope === 'team' && !own && (!principal.teamId || user.teamId !== principal.teamId))
      throw new AppError('quota_manage_forbidden');
    return { userName: user.name, teamName: null };
  }
  if (target.teamId) {
    const [team] = await db.select({ name: teams.name }).from(teams).where(eq(teams.id, target.teamId));
    if (!team) throw new AppError('sales_team_unknown', { teamId: target.teamId });
    if (scope === 'team' && target.teamId !== principal.teamId) throw new AppError('quota_manage_forbidden');
    return { userName: null, teamName: team.name };
  }
  throw new AppError('quota_assignee_required');
}
