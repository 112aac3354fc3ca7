import { and, eq } from 'drizzle-orm';
import { scopeFor } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import { users } from '../../core/auth/schema.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';

export interface DealOwner {
  ownerId: string | null;
  teamId: string | null;
}

/**
 * Who owns a deal and so which team it counts for. A salesperson with 'own' scope owns
 * their deals themselves; managers and admins assign them to any active user.
 */
export async function dealOwner(tx: DbOrTx, actor: Actor, ownerId: string | undefined): Promise<DealOwner> {
  const id = ownerId ?? actor.principal.userId;
  if (!id) return { ownerId: null, teamId: null };
  if (id !== actor.principal.userId && scopeFor(actor.principal, 'sales') === 'own')
    throw new AppError('deal_owner_not_allowed');
  const [user] = await tx
    .select({ id: users.id, teamId: users.teamId })
    .from(users)
    .where(and(eq(users.id, id), eq(users.status, 'active')));
  if (!user) throw new AppError('deal_owner_unknown', { ownerId: id });
  return { ownerId: user.id, teamId: user.teamId };
}
