import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import { users } from '../../core/auth/schema.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { customers, visibleCustomer } from '../customers/index.ts';
import { deals } from '../deals/index.ts';
import { orders } from '../orders/index.ts';

/**
 * The active profile a task is about: one the caller may see (else not found); a merged
 * profile's task goes to the profile it was merged into; an erased one takes no tasks.
 */
export async function taskCustomer(tx: DbOrTx, actor: Actor, customerId: string): Promise<string> {
  let id = customerId;
  for (let hops = 0; hops < 10; hops++) {
    const [c] = await tx
      .select({ status: customers.status, mergedIntoId: customers.mergedIntoId })
      .from(customers)
      .where(hops === 0 ? visibleCustomer(actor, eq(customers.id, id)) : eq(customers.id, id));
    if (!c) throw new AppError('not_found');
    if (c.status === 'active') return id;
    if (c.status !== 'merged' || !c.mergedIntoId) throw new AppError('task_customer_inactive');
    id = c.mergedIntoId;
  }
  throw new AppError('task_customer_inactive');
}

/** The related record must exist; its customer becomes the task's when none was given. */
export async function taskRelated(
  tx: DbOrTx,
  relatedType: string | undefined,
  relatedId: string | undefined,
): Promise<{ customerId: string } | undefined> {
  if (relatedType === undefined && relatedId === undefined) return undefined;
  if (relatedType === undefined || relatedId === undefined) throw new AppError('task_related_incomplete');
  const table = relatedType === 'deal' ? deals : orders;
  const [row] = await tx.select({ customerId: table.customerId }).from(table).where(eq(table.id, relatedId));
  if (!row) throw new AppError('task_related_unknown', { relatedType, relatedId });
  return row;
}

/** The assignee (default: the caller) must be an active user; the task counts for their team. */
export async function taskAssignee(
  tx: DbOrTx,
  actor: Actor,
  assigneeId: string | undefined,
): Promise<{ id: string; teamId: string | null }> {
  const id = assigneeId ?? actor.principal.userId;
  if (!id) throw new AppError('task_assignee_unknown', { assigneeId: '-' });
  const [user] = await tx
    .select({ id: users.id, teamId: users.teamId })
    .from(users)
    .where(and(eq(users.id, id), eq(users.status, 'active')));
  if (!user) throw new AppError('task_assignee_unknown', { assigneeId: id });
  return user;
}
