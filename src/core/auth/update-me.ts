import { z } from '@hono/zod-openapi';
import { and, eq, ne } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/database.ts';
import { AppError, invalidField } from '../errors/app-error.ts';
import { credentialsChanged } from './credential-cache.ts';
import { hashPassword, verifyPassword } from './password.ts';
import type { Actor } from './principal.ts';
import { sessions, users } from './schema.ts';
import { localeSchema, passwordSchema } from './user-input.ts';
import { auditableUser, toUserView, type UserView } from './user-view.ts';

export const updateMeSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    locale: localeSchema.optional(),
    currentPassword: z.string().max(200).optional(),
    newPassword: passwordSchema.optional(),
  })
  .strict()
  .openapi('UpdateMe');
export type UpdateMeInput = z.infer<typeof updateMeSchema>;

/** A signed-in user changes their own name, language or password. */
export async function updateMe(db: Db, actor: Actor, raw: UpdateMeInput): Promise<UserView> {
  const userId = actor.principal.userId;
  if (actor.principal.type !== 'user' || !userId)
    throw new AppError('forbidden', { module: 'users', action: 'update' });
  const input = updateMeSchema.parse(raw);
  const [current] = await db.select().from(users).where(eq(users.id, userId));
  if (!current) throw new AppError('not_found');
  let passwordHash: string | undefined;
  if (input.newPassword) {
    if (!input.currentPassword || !(await verifyPassword(input.currentPassword, current.passwordHash))) {
      throw invalidField('currentPassword', 'wrong current password', 'รหัสผ่านปัจจุบันไม่ถูกต้อง');
    }
    passwordHash = await hashPassword(input.newPassword);
  }
  const view = await db.transaction(async (tx) => {
    const [after] = await tx
      .update(users)
      .set({
        ...(input.name ? { name: input.name } : {}),
        ...(input.locale ? { locale: input.locale } : {}),
        ...(passwordHash ? { passwordHash } : {}),
        updatedAt: new Date(),
      })
      .where(eq(users.id, userId))
      .returning();
    if (!after) throw new AppError('not_found');
    // A password change ends the user's other sessions, keeping the one in use.
    if (passwordHash && actor.principal.sessionId) {
      await tx.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, actor.principal.sessionId)));
    }
    await recordAudit(tx, actor, {
      entityType: 'user',
      entityId: userId,
      action: 'update',
      before: auditableUser(current),
      after: auditableUser(after),
    });
    return toUserView(after);
  });
  credentialsChanged();
  return view;
}
