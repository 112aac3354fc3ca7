import type { TFunction } from 'i18next';
import type { DealStatus } from '../../queries/deals-types.ts';

export const DEAL_STATUS_COLOR: Record<DealStatus, string> = { open: 'blue', won: 'teal', lost: 'gray' };

/** A stage or pipeline name in the user's language (Thai when there is no English one). */
export function localName(item: { nameTh: string; nameEn: string | null }, language: string): string {
  return language === 'en' && item.nameEn ? item.nameEn : item.nameTh;
}

/** "3 days 4 h", "25 min": the largest two units of a duration. */
export function formatDuration(seconds: number, t: TFunction<'deals'>): string {
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3_600);
  const minutes = Math.floor((seconds % 3_600) / 60);
  const parts: string[] = [];
  if (days) parts.push(t('duration.days', { count: days }));
  if (hours && parts.length < 2) parts.push(t('duration.hours', { count: hours }));
  if (minutes && !days && parts.length < 2) parts.push(t('duration.minutes', { count: minutes }));
  return parts.length ? parts.join(' ') : t('duration.lessThanMinute');
}
