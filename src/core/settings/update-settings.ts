import { recordAudit } from '../audit/record-audit.ts';
import { authorize } from '../auth/authorize.ts';
import type { Actor } from '../auth/principal.ts';
import type { Db, DbOrTx } from '../db/database.ts';
import { emitEvent } from '../events/emit-event.ts';
import { getSettings, SETTINGS_KEY } from './get-settings.ts';
import { settings as settingsTable } from './schema.ts';
import { type Settings, type SettingsPatch, settingsSchema } from './settings-schema.ts';

export async function updateSettings(db: Db, actor: Actor, patch: SettingsPatch): Promise<Settings> {
  return db.transaction((tx) => updateSettingsInTx(tx, actor, patch));
}

export async function updateSettingsInTx(tx: DbOrTx, actor: Actor, patch: SettingsPatch): Promise<Settings> {
  authorize(actor.principal, 'settings', 'update');
  const before = await getSettings(tx);
  const after = settingsSchema.parse({
    ...before,
    ...patch,
    backup: { ...before.backup, ...(patch.backup ?? {}) },
    seller: { ...before.seller, ...(patch.seller ?? {}) },
  });
  await tx
    .insert(settingsTable)
    .values({ key: SETTINGS_KEY, value: after, updatedBy: actor.principal.userId })
    .onConflictDoUpdate({
      target: settingsTable.key,
      set: { value: after, updatedAt: new Date(), updatedBy: actor.principal.userId },
    });
  const flatten = (s: Settings) => ({
    ...s,
    backup: undefined,
    seller: undefined,
    ...prefixed('backup', s.backup),
    ...prefixed('seller', s.seller),
  });
  await recordAudit(tx, actor, {
    entityType: 'settings',
    entityId: SETTINGS_KEY,
    action: 'update',
    before: flatten(before),
    after: flatten(after),
  });
  await emitEvent(tx, {
    topic: 'settings.updated',
    aggregateType: 'settings',
    aggregateId: SETTINGS_KEY,
    payload: {},
  });
  return after;
}

/** A nested settings object as flat audit fields: backup.hour, seller.taxId, … */
function prefixed(prefix: string, values: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [`${prefix}.${k}`, v]));
}
