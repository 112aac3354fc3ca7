import { eq } from 'drizzle-orm';
import { users } from '../../core/auth/schema.ts';
import type { DbOrTx } from '../../core/db/database.ts';

/** The name shown beside a timeline entry: its author's, or null for the system. */
export async function userName(db: DbOrTx, userId: string | null): Promise<string | null> {
  if (userId === null) return null;
  const [u] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return u?.name ?? null;
}
