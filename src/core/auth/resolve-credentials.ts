import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import { isLocale } from '../i18n/locale.ts';
import { credentialCache, credentialsChanged } from './credential-cache.ts';
import type { Principal } from './principal.ts';
import { isRole } from './roles.ts';
import { apiTokens, sessions, users } from './schema.ts';
import { sha256 } from './secret-tokens.ts';

/** The principal behind a session cookie, or undefined when the session is unknown or over. */
export async function principalFromSession(db: DbOrTx, sessionToken: string): Promise<Principal | undefined> {
  const id = sha256(sessionToken);
  const cached = credentialCache.get(`s:${id}`);
  if (cached) return cached;
  const [row] = await db
    .select({ user: users, sessionId: sessions.id, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, sql`now()`), eq(users.status, 'active')));
  if (!row || !isRole(row.user.role)) return undefined;
  const principal: Principal = {
    type: 'user',
    userId: row.user.id,
    teamId: row.user.teamId,
    role: row.user.role,
    label: row.user.email,
    sessionId: row.sessionId,
    locale: isLocale(row.user.locale) ? row.user.locale : undefined,
  };
  credentialCache.set(`s:${id}`, principal, row.expiresAt);
  return principal;
}

/** How stale last_used_at may get before a request writes it again (avoids a write per call). */
const LAST_USED_GRANULARITY_S = 60;

export async function principalFromApiToken(db: DbOrTx, token: string): Promise<Principal> {
  const hash = sha256(token);
  const cached = credentialCache.get(`t:${hash}`);
  if (cached) return cached;
  const [row] = await db
    .select({ token: apiTokens, ownerStatus: users.status, ownerLocale: users.locale })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.ownerId))
    .where(
      and(
        eq(apiTokens.tokenHash, hash),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
      ),
    );
  if (!row || !isRole(row.token.role) || row.ownerStatus === 'disabled') throw new AppError('invalid_token');
  const t = row.token;
  if (!t.lastUsedAt || Date.now() - t.lastUsedAt.getTime() > LAST_USED_GRANULARITY_S * 1000) {
    await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, t.id));
  }
  const principal: Principal = {
    type: 'token',
    userId: t.ownerId,
    teamId: t.teamId,
    role: row.token.role as Principal['role'],
    label: `token ${t.name} (${t.prefix}…)`,
    tokenId: t.id,
    locale: isLocale(row.ownerLocale) ? row.ownerLocale : undefined,
  };
  credentialCache.set(`t:${hash}`, principal, t.expiresAt);
  return principal;
}

export async function endSession(db: DbOrTx, sessionToken: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sha256(sessionToken)));
  credentialsChanged();
}
