import { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { settings } from '../../core/settings/schema.ts';
import { validateInput } from '../customers/index.ts';

/** The settings row of the forecast (beside the organisation settings, like the ladder rules). */
export const FORECAST_SETTINGS_KEY = 'forecasts.settings';

export const forecastSettingsSchema = z
  .object({
    commitThreshold: z.number().int().min(1).max(100).openapi({
      description: 'An open deal counts as committed when its stage’s win probability is at least this (%).',
      example: 75,
    }),
  })
  .strict()
  .openapi('ForecastSettings');
export type ForecastSettings = z.infer<typeof forecastSettingsSchema>;

export const DEFAULT_FORECAST_SETTINGS: ForecastSettings = { commitThreshold: 75 };

/** The stored settings, or the defaults when none are stored (or they no longer validate). */
export async function loadForecastSettings(db: DbOrTx): Promise<ForecastSettings> {
  const [row] = await db.select().from(settings).where(eq(settings.key, FORECAST_SETTINGS_KEY));
  const parsed = forecastSettingsSchema.safeParse({ ...DEFAULT_FORECAST_SETTINGS, ...((row?.value as object) ?? {}) });
  return parsed.success ? parsed.data : DEFAULT_FORECAST_SETTINGS;
}

export async function getForecastSettings(db: DbOrTx, actor: Actor): Promise<ForecastSettings> {
  authorize(actor.principal, 'sales', 'read');
  return loadForecastSettings(db);
}

/** Changes the commit threshold (administrators: settings update), audited. */
export async function updateForecastSettings(
  db: DbOrTx,
  actor: Actor,
  raw: ForecastSettings,
): Promise<ForecastSettings> {
  authorize(actor.principal, 'settings', 'update');
  const next = validateInput(forecastSettingsSchema, raw);
  return db.transaction(async (tx) => {
    const before = await loadForecastSettings(tx);
    await tx
      .insert(settings)
      .values({ key: FORECAST_SETTINGS_KEY, value: next, updatedBy: actor.principal.userId })
      .onConflictDoUpdate({
        target: settings.key,
        set: { value: next, updatedAt: new Date(), updatedBy: actor.principal.userId },
      });
    await recordAudit(tx, actor, {
      entityType: 'settings',
      entityId: FORECAST_SETTINGS_KEY,
      action: 'update',
      before,
      after: next,
    });
    return next;
  });
}
