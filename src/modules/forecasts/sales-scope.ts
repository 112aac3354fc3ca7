import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import { authorize, scopeFor, visibleTo } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { Scope } from '../../core/auth/roles.ts';
import { teams, users } from '../../core/auth/schema.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { customers } from '../customers/index.ts';
import { deals } from '../deals/index.ts';

export interface ScopeFilter {
  userId?: string | undefined;
  teamId?: string | undefined;
}

/**
 * Whose figures a request is about, after the permission checks: a salesperson only their
 * own, a manager their team's (or one member's), an administrator anyone's. The conditions
 * go into the SQL, so nothing outside the scope is ever read.
 */
export interface SalesScope {
  scope: Scope;
  /** The group the figures describe: one user, one team, the caller's own team, or everyone. */
  group: { kind: 'user'; userId: string } | { kind: 'team'; teamId: string } | { kind: 'all' };
  /** Deals in scope (by owner and team). */
  deals: SQL | undefined;
  /** Customers in scope, for revenue from their orders. */
  customers: SQL | undefined;
}

async function checkUser(db: DbOrTx, userId: string): Promise<{ teamId: string | null }> {
  const [user] = await db.select({ teamId: users.teamId }).from(users).where(eq(users.id, userId));
  if (!user) throw new AppError('sales_user_unknown', { userId });
  return user;
}

async function checkTeam(db: DbOrTx, teamId: string): Promise<void> {
  const [team] = await db.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId));
  if (!team) throw new AppError('sales_team_unknown', { teamId });
}

/** Team members, as a subquery. */
export function membersOf(db: DbOrTx, teamId: string) {
  return db.select({ id: users.id }).from(users).where(eq(users.teamId, teamId));
}

export async function salesScope(db: DbOrTx, actor: Actor, filter: ScopeFilter): Promise<SalesScope> {
  const { principal } = actor;
  authorize(principal, 'sales', 'read');
  const scope = scopeFor(principal, 'sales');
  const me = principal.userId;
  if (filter.userId && filter.teamId) throw new AppError('quota_assignee_required');
  if (filter.userId) {
    const user = await checkUser(db, filter.userId);
    if (scope === 'own' && filter.userId !== me) throw new AppError('sales_scope_forbidden');
    if (scope === 'team' && filter.userId !== me && (!principal.teamId || user.teamId !== principal.teamId))
      throw new AppError('sales_scope_forbidden');
  }
  if (filter.teamId) {
    await checkTeam(db, filter.teamId);
    if (scope === 'own' || (scope === 'team' && filter.teamId !== principal.teamId))
      throw new AppError('sales_scope_forbidden');
  }
  const dealScope = visibleTo(principal, 'sales', { ownerId: deals.ownerId, teamId: deals.teamId });
  const customerScope = visibleTo(principal, 'sales', { ownerId: customers.ownerId, teamId: customers.teamId });
  const group: SalesScope['group'] = filter.userId
    ? { kind: 'user', userId: filter.userId }
    : filter.teamId
      ? { kind: 'team', teamId: filter.teamId }
      : scope === 'own'
        ? { kind: 'user', userId: me ?? '00000000-0000-0000-0000-000000000000' }
        : scope === 'team' && principal.teamId
          ? { kind: 'team', teamId: principal.teamId }
          : scope === 'team'
            ? { kind: 'user', userId: me ?? '00000000-0000-0000-0000-000000000000' }
            : { kind: 'all' };
  const dealFilter = filter.userId
    ? eq(deals.ownerId, filter.userId)
    : filter.teamId
      ? or(eq(deals.teamId, filter.teamId), inArray(deals.ownerId, membersOf(db, filter.teamId)))
      : undefined;
  const customerFilter = filter.userId
    ? eq(customers.ownerId, filter.userId)
    : filter.teamId
      ? or(eq(customers.teamId, filter.teamId), inArray(customers.ownerId, membersOf(db, filter.teamId)))
      : undefined;
  return {
    scope,
    group,
    deals: and(dealScope, dealFilter),
    customers: and(customerScope, customerFilter),
  };
}
