import { and, eq, ne, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import { emitEvent } from '../events/emit-event.ts';
import { authorize } from './authorize.ts';
import { assertMayGrant, assertTeamExists } from './create-user.ts';
import { credentialsChanged } from './credential-cache.ts';
import { hashPassword } from './password.ts';
import type { Actor } from './principal.ts';
import { isRole, ROLE_RANK } from './roles.ts';
import { sessions, users } from './schema.ts';
import { type UpdateUserInput, updateUserSchema } from './user-input.ts';
import { auditableUser, toUserView, type UserView } from './user-view.ts';

export async function updateUser(db: Db, actor: Actor, id: string, raw: UpdateUserInput): Promise<UserView> {
  authorize(actor.principal, 'users', 'update');
  const input = updateUserSchema.parse(raw);
  if (input.role) assertMayGrant(actor, input.role);
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  const view = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    if (!before) throw new AppError('not_found');
    // Nobody edits a user who ranks above them (an admin cannot demote the owner).
    if (isRole(before.role) && ROLE_RANK[before.role] > ROLE_RANK[actor.principal.role]) {
      throw new AppError('role_too_high', { role: before.role });
    }
    await assertTeamExists(tx, input.teamId);
    const losesOwner =
      before.role === 'owner' && ((input.role && input.role !== 'owner') || input.status === 'disabled');
    if (losesOwner) {
      const [other] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(users)
        .where(and(eq(users.role, 'owner'), eq(users.status, 'active'), ne(users.id, id)));
      if (!other?.n) throw new AppError('last_owner');
    }
    const { password: _p, ...fields } = input;
    const [after] = await tx
      .update(users)
      .set({
        ...fields,
        ...(passwordHash ? { passwordHash, failedLogins: 0, lockedUntil: null } : {}),
        updatedAt: new Date(),
      })
      .where(eq(users.id, id))
      .returning();
    if (!after) throw new AppError('not_found');
    // A new password or a disabled account ends every session of that user.
    if (passwordHash || input.status === 'disabled') await tx.delete(sessions).where(eq(sessions.userId, id));
    await recordAudit(tx, actor, {
      entityType: 'user',
      entityId: id,
      action: 'update',
      before: auditableUser(before),
      after: auditableUser(after),
    });
    await emitEvent(tx, {
      topic: 'user.updated',
      aggregateType: 'user',
      aggregateId: id,
      payload: { fields: Object.keys(input) },
    });
    return toUserView(after);
  });
  credentialsChanged();
  return view;
}
