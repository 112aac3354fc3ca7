import { SegmentedControl } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { authApi } from '../api/endpoints.ts';
import type { Locale, MeResponse } from '../api/types.ts';
import { meQueryKey } from '../auth/queries.ts';
import { useOptionalSession } from '../auth/session-context.ts';
import i18n, { currentLocale, isLocale, rememberLocale } from '../i18n/i18n.ts';

/** ไทย / English. Remembered in this browser, and on the account once signed in. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const session = useOptionalSession();
  const queryClient = useQueryClient();

  async function choose(value: string) {
    if (!isLocale(value) || value === currentLocale()) return;
    const locale: Locale = value;
    rememberLocale(locale);
    await i18n.changeLanguage(locale);
    // Error messages come from the server in the request's language; ask again in the new one.
    void queryClient.refetchQueries({ predicate: (query) => query.state.status === 'error' });
    if (!session) return;
    try {
      const { user } = await authApi.updateMe({ locale });
      queryClient.setQueryData<MeResponse>(meQueryKey, (me) => (me ? { ...me, user } : me));
    } catch (error) {
      notifications.show({ color: 'red', message: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={currentLocale()}
      onChange={(value) => void choose(value)}
      data={[
        { value: 'th', label: 'ไทย' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}
