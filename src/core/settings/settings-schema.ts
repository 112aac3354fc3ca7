import { z } from '@hono/zod-openapi';
import { DEFAULT_SELLER, sellerSettingsPatchSchema, sellerSettingsSchema } from './seller-settings.ts';

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const backupSettingsSchema = z.object({
  enabled: z.boolean(),
  /** Local hour (business time zone) at which the daily backup runs. */
  hour: z.number().int().min(0).max(23),
  retentionDays: z.number().int().min(1).max(3650),
});

export const settingsSchema = z
  .object({
    companyName: z.string().trim().min(1).max(200),
    currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code such as THB'),
    timeZone: z.string().refine(isTimeZone, 'unknown time zone'),
    locale: z.enum(['th', 'en']),
    buddhistEra: z.boolean(),
    backup: backupSettingsSchema,
    /** Printed in the header of quotes. */
    seller: sellerSettingsSchema,
  })
  .openapi('Settings');

export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = settingsSchema
  .extend({ backup: backupSettingsSchema.partial(), seller: sellerSettingsPatchSchema })
  .partial()
  .strict()
  .openapi('SettingsPatch');
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = {
  companyName: 'Sampan',
  currency: 'THB',
  timeZone: 'Asia/Bangkok',
  locale: 'th',
  buddhistEra: true,
  backup: { enabled: true, hour: 2, retentionDays: 14 },
  seller: DEFAULT_SELLER,
};
