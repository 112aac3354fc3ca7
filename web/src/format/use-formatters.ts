import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDisplaySettings } from './display-settings.ts';
import { type Formatters, makeFormatters } from './formatters.ts';

export type { Formatters } from './formatters.ts';

export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  const settings = useDisplaySettings();
  const { timeZone, buddhistEra, currency, companyName } = settings;
  return useMemo(
    () => makeFormatters(i18n.language, { timeZone, buddhistEra, currency, companyName }),
    [i18n.language, timeZone, buddhistEra, currency, companyName],
  );
}
