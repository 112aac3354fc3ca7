import { lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { loginThrottle, sessions } from './schema.ts';

/** Drops ended sessions and stale login counters. */
export async function purgeExpiredSessions(db: DbOrTx): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`));
  await db.delete(loginThrottle).where(lt(loginThrottle.windowStart, sql`now() - interval '1 day'`));
}
