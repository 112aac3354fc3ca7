import type { TFunction } from 'i18next';

const FIELDS = ['email', 'phone', 'line', 'birthday', 'gender', 'address', 'owner', 'consent'] as const;
type Field = (typeof FIELDS)[number];

function isField(value: string): value is Field {
  return (FIELDS as readonly string[]).includes(value);
}

/** The heading of a check's customer list, e.g. "Missing: Email" or "Stale profiles (12 months)". */
export function checkTitle(t: TFunction<'dataops'>, check: string, staleMonths?: number): string {
  if (check === 'unreachable') return t('quality.unreachable.title');
  if (check === 'consent-gaps') return t('quality.consentGaps.title');
  if (check === 'stale')
    return `${t('quality.stale.title')} (${t('quality.stale.option', { count: staleMonths ?? 12 })})`;
  const field = check.replace(/^missing-/, '');
  if (isField(field)) return t('quality.list.missing', { field: t(`quality.fields.${field}`) });
  return check;
}
