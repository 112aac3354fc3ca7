import { and, eq, type SQL } from 'drizzle-orm';
import { authorize, scopeFor, visibleTo } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { Action } from '../../core/auth/roles.ts';
import { users } from '../../core/auth/schema.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { leads } from './schema.ts';

/**
 * Who sees a lead, as a WHERE condition (permission module 'sales'): everyone with 'all'
 * scope; with 'team' scope the team's leads and their own; with 'own' scope only the leads
 * they own. An unassigned lead is seen by 'all' scope only, until a rule or a manager assigns it.
 */
export function visibleLead(actor: Actor, ...conds: (SQL | undefined)[]): SQL | undefined {
  return and(visibleTo(actor.principal, 'sales', { ownerId: leads.ownerId, teamId: leads.teamId }), ...conds);
}

/** One lead the caller may act on (locked for update when asked), or not found. */
export async function leadFor(
  db: DbOrTx,
  actor: Actor,
  id: string,
  action: Action,
  lock = false,
): Promise<typeof leads.$inferSelect> {
  authorize(actor.principal, 'sales', action);
  const query = db
    .select()
    .from(leads)
    .where(visibleLead(actor, eq(leads.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('not_found');
  return row;
}

/** Rules, forms and the model are set by managers and administrators (team or all sales scope). */
export function authorizeLeadSetup(actor: Actor, action: Action = 'update'): void {
  authorize(actor.principal, 'sales', action);
  if (scopeFor(actor.principal, 'sales') === 'own') throw new AppError('lead_rules_manage_forbidden');
}

/**
 * The owner a caller names: a salesperson with 'own' scope may only name themselves,
 * others any active user. Returns the user and their team.
 */
export async function namedOwner(
  tx: DbOrTx,
  actor: Actor,
  ownerId: string,
): Promise<{ ownerId: string; teamId: string | null }> {
  if (ownerId !== actor.principal.userId && scopeFor(actor.principal, 'sales') === 'own')
    throw new AppError('lead_owner_not_allowed');
  const [user] = await tx
    .select({ id: users.id, teamId: users.teamId })
    .from(users)
    .where(and(eq(users.id, ownerId), eq(users.status, 'active')));
  if (!user) throw new AppError('lead_owner_unknown', { ownerId });
  return { ownerId: user.id, teamId: user.teamId };
}
