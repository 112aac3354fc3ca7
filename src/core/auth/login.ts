import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import { hitThrottle } from './login-throttle.ts';
import { timingDummyHash, verifyPassword } from './password.ts';
import type { Actor, Source } from './principal.ts';
import { isRole } from './roles.ts';
import { users } from './schema.ts';
import { type SessionGrant, startSession } from './start-session.ts';
import { normaliseEmail, toUserView, type UserView } from './user-view.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60_000;

export interface LoginInput {
  email: string;
  password: string;
}
export interface RequestMeta {
  ip?: string | undefined;
  userAgent?: string | undefined;
  requestId?: string | undefined;
  source: Source;
}

function actorFor(user: typeof users.$inferSelect, meta: RequestMeta): Actor {
  return {
    principal: {
      type: 'user',
      userId: user.id,
      teamId: user.teamId,
      role: isRole(user.role) ? user.role : 'viewer',
      label: user.email,
    },
    source: meta.source,
    ip: meta.ip,
    requestId: meta.requestId,
  };
}

export async function login(
  db: Db,
  sessionTtlMs: number,
  input: LoginInput,
  meta: RequestMeta,
): Promise<{ user: UserView } & SessionGrant> {
  // Counted outside any transaction so a failed attempt still counts.
  await hitThrottle(db, `ip:${meta.ip ?? 'unknown'}`);
  const email = normaliseEmail(input.email);
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user) {
    await verifyPassword(input.password, await timingDummyHash());
    throw new AppError('invalid_credentials');
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    throw new AppError('account_locked', { until: user.lockedUntil.toISOString() });
  }
  const actor = actorFor(user, meta);
  if (!(await verifyPassword(input.password, user.passwordHash))) {
    const failed = user.failedLogins + 1;
    const lock = failed >= MAX_FAILED_LOGINS ? new Date(Date.now() + LOCKOUT_MS) : null;
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ failedLogins: lock ? 0 : failed, lockedUntil: lock })
        .where(eq(users.id, user.id));
      await recordAudit(tx, actor, {
        entityType: 'user',
        entityId: user.id,
        action: lock ? 'lockout' : 'login_failed',
        changes: { failedLogins: { before: user.failedLogins, after: failed } },
      });
    });
    if (lock) throw new AppError('account_locked', { until: lock.toISOString() });
    throw new AppError('invalid_credentials');
  }
  if (user.status !== 'active') throw new AppError('account_disabled');
  return db.transaction(async (tx) => {
    const [fresh] = await tx
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() })
      .where(eq(users.id, user.id))
      .returning();
    const grant = await startSession(tx, user.id, sessionTtlMs, meta);
    await recordAudit(tx, actor, { entityType: 'user', entityId: user.id, action: 'login' });
    return { user: toUserView(fresh ?? user), ...grant };
  });
}
