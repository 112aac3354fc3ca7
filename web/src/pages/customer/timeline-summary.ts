import type { TFunction } from 'i18next';
import type { TimelineEntry } from '../../queries/customers-types.ts';

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** "+6681…" for a phone, "so…@example.com" for an email, as the timeline's own summaries show them. */
function masked(kind: string, value: string): string {
  if (kind === 'phone') return `${value.slice(0, 5)}…`;
  if (kind === 'email') {
    const at = value.indexOf('@');
    return at < 0 ? `${value.slice(0, 2)}…` : `${value.slice(0, Math.min(2, at))}…${value.slice(at)}`;
  }
  return value;
}

/**
 * One readable line per entry. The server writes a summary in Thai and English for every kind;
 * identity matches and consent changes are worded here instead, so the identifier kind, the
 * purpose and the channel read in the UI language rather than as codes.
 */
export function timelineSummary(
  entry: TimelineEntry,
  t: TFunction<'profile'>,
  language: string,
  purposeName: (code: string) => string,
): string {
  const data = entry.data ?? {};
  const server = entry.summary ? (language === 'en' ? entry.summary.en : entry.summary.th) : null;
  if (entry.kind === 'identity_match' && data.created !== true) {
    const kind = str(data.kind);
    const value = str(data.value);
    if (kind && value) {
      const kindLabel = t(`identities.kinds.${kind}` as 'identities.kinds.email', { defaultValue: kind });
      return t('timeline.summary.matchedBy', { kind: kindLabel, value: masked(kind, value) });
    }
  }
  if (entry.kind === 'consent') {
    const purpose = str(data.purpose);
    const channel = str(data.channel) ?? 'any';
    const status = str(data.status);
    if (purpose && status) {
      return t('timeline.summary.consent', {
        purpose: purposeName(purpose),
        channel: t(`consent.channels.${channel}` as 'consent.channels.email', { defaultValue: channel }),
        status: t(`consent.statuses.${status}` as 'consent.statuses.granted', { defaultValue: status }),
      });
    }
  }
  return (
    server || entry.subject || t(`timeline.kinds.${entry.kind}` as 'timeline.kinds.note', { defaultValue: entry.kind })
  );
}
