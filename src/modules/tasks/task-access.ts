import { and, eq, inArray, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import { authorize, scopeFor } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import { roleAllows } from '../../core/auth/roles.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { customers, visibleCustomer } from '../customers/index.ts';
import { tasks } from './schema.ts';

/**
 * Tasks the caller may change: with 'all' tasks scope every task; otherwise those assigned
 * to them or created by them, and with 'team' scope those of their team (a task counts for
 * its assignee's team).
 */
export function writableTask(actor: Actor): SQL | undefined {
  const scope = scopeFor(actor.principal, 'tasks');
  if (scope === 'all') return undefined;
  const me = actor.principal.userId;
  const mine = me ? or(eq(tasks.assigneeId, me), eq(tasks.createdBy, me)) : sql`false`;
  if (scope === 'team' && actor.principal.teamId) return or(mine, eq(tasks.teamId, actor.principal.teamId));
  return mine;
}

/**
 * Tasks the caller may see: the ones they may change, plus — as for deals and orders — the
 * tasks on customers their customers scope lets them see (a salesperson sees every
 * follow-up on their own customers; a service agent, who sees all customers, sees the
 * tasks on all of them). Tasks about no customer stay private to assignee, creator and
 * the scope above.
 */
export function visibleTask(db: DbOrTx, actor: Actor, ...conds: (SQL | undefined)[]): SQL | undefined {
  const own = writableTask(actor);
  if (!own) return and(...conds);
  if (!roleAllows(actor.principal.role, 'customers', 'read')) return and(own, ...conds);
  const customerScope = visibleCustomer(actor);
  const viaCustomer = customerScope
    ? inArray(tasks.customerId, db.select({ id: customers.id }).from(customers).where(customerScope))
    : isNotNull(tasks.customerId);
  return and(or(own, viaCustomer), ...conds);
}

/** One task the caller may change (locked), or not found / task_not_yours. */
export async function taskForChange(db: DbOrTx, actor: Actor, id: string): Promise<typeof tasks.$inferSelect> {
  authorize(actor.principal, 'tasks', 'update');
  const [row] = await db
    .select()
    .from(tasks)
    .where(visibleTask(db, actor, eq(tasks.id, id)))
    .for('update');
  if (!row) throw new AppError('not_found');
  const [writable] = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(writableTask(actor), eq(tasks.id, id)));
  if (!writable) throw new AppError('task_not_yours');
  return row;
}
