import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.ts';
import type { DbOrTx } from '../db/database.ts';
import { AppError, invalidField } from '../errors/app-error.ts';
import { emitEvent } from '../events/emit-event.ts';
import { authorize } from './authorize.ts';
import { hashPassword } from './password.ts';
import type { Actor } from './principal.ts';
import { ROLE_RANK } from './roles.ts';
import { teams, users } from './schema.ts';
import { type CreateUserInput, createUserSchema } from './user-input.ts';
import { auditableUser, toUserView, type UserView } from './user-view.ts';

export function assertMayGrant(actor: Actor, role: keyof typeof ROLE_RANK): void {
  if (ROLE_RANK[role] > ROLE_RANK[actor.principal.role]) throw new AppError('role_too_high', { role });
}

export async function assertTeamExists(tx: DbOrTx, teamId: string | null | undefined): Promise<void> {
  if (!teamId) return;
  const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId));
  if (!team) throw invalidField('teamId', 'no such team', 'ไม่พบทีมนี้');
}

/** Creates a staff user. Runs inside the caller's transaction. */
export async function createUser(tx: DbOrTx, actor: Actor, raw: CreateUserInput): Promise<UserView> {
  authorize(actor.principal, 'users', 'create');
  const input = createUserSchema.parse(raw);
  assertMayGrant(actor, input.role);
  await assertTeamExists(tx, input.teamId);
  const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
  if (taken) throw new AppError('email_taken', { email: input.email });
  const [row] = await tx
    .insert(users)
    .values({
      email: input.email,
      name: input.name,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      teamId: input.teamId ?? null,
      locale: input.locale ?? 'th',
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  await recordAudit(tx, actor, { entityType: 'user', entityId: row.id, action: 'create', after: auditableUser(row) });
  await emitEvent(tx, {
    topic: 'user.created',
    aggregateType: 'user',
    aggregateId: row.id,
    payload: { role: row.role },
  });
  return toUserView(row);
}
