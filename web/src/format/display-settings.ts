import { useQuery } from '@tanstack/react-query';
import { settingsApi } from '../api/endpoints.ts';
import type { Settings } from '../api/types.ts';
import { useOptionalSession } from '../auth/session-context.ts';
import type { DisplaySettings } from './display-settings-type.ts';

export const settingsQueryKey = ['settings'] as const;

export type { DisplaySettings } from './display-settings-type.ts';

const defaults: DisplaySettings = { companyName: '', currency: 'THB', timeZone: 'Asia/Bangkok', buddhistEra: true };

export function useSettingsQuery(enabled = true) {
  return useQuery<Settings>({ queryKey: settingsQueryKey, queryFn: settingsApi.get, enabled, staleTime: 5 * 60_000 });
}

/** How dates and money are shown; falls back to Thai defaults for users who may not read settings. */
export function useDisplaySettings(): DisplaySettings {
  const session = useOptionalSession();
  const { data } = useSettingsQuery(session?.can('settings', 'read') ?? false);
  if (!data) return defaults;
  return {
    companyName: data.companyName,
    currency: data.currency,
    timeZone: data.timeZone,
    buddhistEra: data.buddhistEra,
  };
}
