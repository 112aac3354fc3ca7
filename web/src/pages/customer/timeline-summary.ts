import type { TFunction } from 'i18next';
import { languagePart } from '../../format/language-part.ts';
import type { TimelineEntry } from '../../queries/customers-types.ts';

const LADDER_STAGES = ['prospect', 'first_time_buyer', 'repeat_customer', 'supporter', 'advocate', 'partner'] as const;
type LadderStage = (typeof LADDER_STAGES)[number];
const LADDER_SOURCES = ['rules', 'override', 'override_cleared'] as const;
type LadderSource = (typeof LADDER_SOURCES)[number];

const isStage = (value: unknown): value is LadderStage => LADDER_STAGES.includes(value as LadderStage);
const isSource = (value: unknown): value is LadderSource => LADDER_SOURCES.includes(value as LadderSource);

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
 * A ladder stage change from its stage keys (data.ladder: from, to, source), worded in the UI
 * language. An entry without usable keys shows the reader's half of its "ไทย / English" subject.
 */
function ladderSummary(entry: TimelineEntry, t: TFunction<'profile'>, language: string): string | null {
  const ladder = entry.data?.ladder;
  if (ladder && typeof ladder === 'object') {
    const { from, to, source } = ladder as Record<string, unknown>;
    if (isStage(to) && (from === null || from === undefined || isStage(from))) {
      const stage = (key: LadderStage) => t(`stages.${key}`, { ns: 'ladder' });
      const stages = from ? `${stage(from)} → ${stage(to)}` : stage(to);
      return t(`timeline.${isSource(source) ? source : 'rules'}`, { ns: 'ladder', stages });
    }
  }
  return entry.subject ? languagePart(entry.subject, language) : null;
}

/**
 * One readable line per entry. The server writes a summary in Thai and English for every kind;
 * identity matches, consent changes and ladder stage changes are worded here instead, so the
 * identifier kind, the purpose, the channel and the stages read in the UI language rather than
 * as codes or in both languages at once.
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
  if (entry.refType === 'ladder') {
    const ladder = ladderSummary(entry, t, language);
    if (ladder) return ladder;
  }
  return (
    server || entry.subject || t(`timeline.kinds.${entry.kind}` as 'timeline.kinds.note', { defaultValue: entry.kind })
  );
}
