import type { DbOrTx } from '../db/database.ts';
import { sessions } from './schema.ts';
import { csrfTokenFor, newSessionToken, sha256 } from './secret-tokens.ts';

export interface SessionGrant {
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function startSession(
  tx: DbOrTx,
  userId: string,
  ttlMs: number,
  meta: { ip?: string | undefined; userAgent?: string | undefined },
): Promise<SessionGrant> {
  const sessionToken = newSessionToken();
  const expiresAt = new Date(Date.now() + ttlMs);
  await tx.insert(sessions).values({
    id: sha256(sessionToken),
    userId,
    expiresAt,
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { sessionToken, csrfToken: csrfTokenFor(sessionToken), expiresAt };
}
