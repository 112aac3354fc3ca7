import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import { authorize, scopeFor, visibleTo } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { Action } from '../../core/auth/roles.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { customers, visibleCustomer } from '../customers/index.ts';
import { deals } from './schema.ts';

/**
 * Who sees a deal, as a WHERE condition. With 'all' sales scope: every deal. Otherwise a
 * deal is visible to its owner (and, with 'team' scope, to its team) AND — mirroring
 * orders, which are visible to whoever may see their customer — to whoever may see the
 * deal's customer: the salesperson who owns a customer sees all business on it.
 */
export function visibleDeal(db: DbOrTx, actor: Actor, ...conds: (SQL | undefined)[]): SQL | undefined {
  const own = visibleTo(actor.principal, 'sales', { ownerId: deals.ownerId, teamId: deals.teamId });
  if (!own) return and(...conds);
  const customerScope = visibleCustomer(actor);
  const viaCustomer = customerScope
    ? inArray(deals.customerId, db.select({ id: customers.id }).from(customers).where(customerScope))
    : undefined;
  return and(viaCustomer ? or(own, viaCustomer) : undefined, ...conds);
}

/** One deal the caller may act on (locked for update when asked), or not found. */
export async function dealFor(
  db: DbOrTx,
  actor: Actor,
  id: string,
  action: Action,
  lock = false,
): Promise<typeof deals.$inferSelect> {
  authorize(actor.principal, 'sales', action);
  const query = db
    .select()
    .from(deals)
    .where(visibleDeal(db, actor, eq(deals.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('not_found');
  return row;
}

/** Pipelines and stages are changed by managers and administrators (team or all sales scope). */
export function authorizePipelineChange(actor: Actor): void {
  authorize(actor.principal, 'sales', 'update');
  if (scopeFor(actor.principal, 'sales') === 'own') throw new AppError('pipeline_manage_forbidden');
}
