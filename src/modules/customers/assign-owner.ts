import { and, eq } from 'drizzle-orm';
import { scopeFor } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import { users } from '../../core/auth/schema.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError, invalidField } from '../../core/errors/app-error.ts';

export interface Ownership {
  ownerId: string | null;
  teamId: string | null;
}

/**
 * Decides the owner and team of a customer being created or reassigned. The team always
 * follows the owner, so record visibility ("my team's") stays true to who holds the customer.
 * - scope own: only the caller (an explicit other owner is refused)
 * - scope team: the caller or an active member of the caller's team
 * - scope all: any active user, or nobody (null)
 */
export async function resolveOwnership(
  tx: DbOrTx,
  actor: Actor,
  requested: string | null | undefined,
): Promise<Ownership> {
  const { principal } = actor;
  const ownerId = requested === undefined ? principal.userId : requested;
  const scope = scopeFor(principal, 'customers');
  const isSelf = ownerId !== null && ownerId === principal.userId;
  if (requested !== undefined && !isSelf && scope === 'own') throw new AppError('customer_owner_forbidden');
  if (ownerId === null) {
    if (scope !== 'all' && requested !== undefined) throw new AppError('customer_owner_forbidden');
    return { ownerId: null, teamId: null };
  }
  const [owner] = await tx
    .select({ id: users.id, teamId: users.teamId })
    .from(users)
    .where(and(eq(users.id, ownerId), eq(users.status, 'active')));
  if (!owner) throw invalidField('ownerId', 'no active user with this id', 'ไม่พบผู้ใช้ที่ใช้งานอยู่ตามรหัสนี้');
  if (scope === 'team' && !isSelf && (!principal.teamId || owner.teamId !== principal.teamId)) {
    throw new AppError('customer_owner_outside_team');
  }
  return { ownerId: owner.id, teamId: owner.teamId };
}
