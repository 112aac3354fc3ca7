import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import { loginThrottle } from './schema.ts';

export const LOGIN_LIMIT_PER_IP = 20;
export const LOGIN_WINDOW_MS = 5 * 60_000;

/**
 * Counts an attempt for `key` in a fixed window kept in the database (so all replicas
 * share it) and refuses with rate_limited once the limit is passed.
 */
export async function hitThrottle(db: DbOrTx, key: string, limit = LOGIN_LIMIT_PER_IP, windowMs = LOGIN_WINDOW_MS) {
  const windowSeconds = windowMs / 1000;
  const [row] = await db
    .insert(loginThrottle)
    .values({ key, count: 1, windowStart: new Date() })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        count: sql`case when ${loginThrottle.windowStart} < now() - make_interval(secs => ${windowSeconds}) then 1 else ${loginThrottle.count} + 1 end`,
        windowStart: sql`case when ${loginThrottle.windowStart} < now() - make_interval(secs => ${windowSeconds}) then now() else ${loginThrottle.windowStart} end`,
      },
    })
    .returning();
  if (row && row.count > limit) {
    const seconds = Math.max(1, Math.ceil((row.windowStart.getTime() + windowMs - Date.now()) / 1000));
    throw new AppError('rate_limited', { seconds });
  }
}
