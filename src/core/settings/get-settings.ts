import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { settings as settingsTable } from './schema.ts';
import { DEFAULT_SETTINGS, type Settings } from './settings-schema.ts';

const KEY = 'organisation';

export { KEY as SETTINGS_KEY };

/** Stored settings over the defaults, so a setting added later has a value at once. */
export async function getSettings(db: DbOrTx): Promise<Settings> {
  const [row] = await db.select().from(settingsTable).where(eq(settingsTable.key, KEY));
  const stored = (row?.value ?? {}) as Partial<Settings>;
  return {
    ...DEFAULT_SETTINGS,
    ...stored,
    backup: { ...DEFAULT_SETTINGS.backup, ...(stored.backup ?? {}) },
    seller: { ...DEFAULT_SETTINGS.seller, ...(stored.seller ?? {}) },
  };
}
