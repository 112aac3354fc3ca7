import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../core/db/database.ts';
import { settings } from '../../core/settings/schema.ts';

/** Settings key of the secret that signs consent withdrawal links. Never logged or audited. */
const KEY = 'consent_link_secret';

const cache = new WeakMap<Db | DbOrTx, string>();

/**
 * The instance's link-signing secret: generated once and stored in the settings table, so
 * every replica (and a restored backup) signs and checks links alike.
 */
export async function consentLinkSecret(db: DbOrTx): Promise<string> {
  const cached = cache.get(db);
  if (cached) return cached;
  await db
    .insert(settings)
    .values({ key: KEY, value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY));
  if (typeof row?.value !== 'string') throw new Error('consent link secret missing');
  cache.set(db, row.value);
  return row.value;
}
