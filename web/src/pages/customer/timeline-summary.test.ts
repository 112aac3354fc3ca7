import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import ladderEn from '../../i18n/ladder.en.json';
import ladderTh from '../../i18n/ladder.th.json';
import profileEn from '../../i18n/profile.en.json';
import profileTh from '../../i18n/profile.th.json';
import type { TimelineEntry } from '../../queries/customers-types.ts';
import { timelineSummary } from './timeline-summary.ts';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    resources: { th: { profile: profileTh, ladder: ladderTh }, en: { profile: profileEn, ladder: ladderEn } },
    lng: 'th',
    fallbackLng: 'th',
    defaultNS: 'profile',
    interpolation: { escapeValue: false },
  });
});

function entry(values: Partial<TimelineEntry>): TimelineEntry {
  return {
    id: '1',
    kind: 'system',
    occurredAt: '2026-12-01T03:00:00.000Z',
    subject: null,
    body: null,
    direction: null,
    channel: null,
    durationMinutes: null,
    outcome: null,
    refType: null,
    refId: null,
    data: {},
    actorName: null,
    ...values,
  };
}

function summary(e: TimelineEntry, language: 'th' | 'en'): string {
  const t = i18n.getFixedT(language, 'profile') as unknown as TFunction<'profile'>;
  return timelineSummary(e, t, language, (code) => code);
}

const MIXED = 'ขั้นความสัมพันธ์ (กำหนดโดยพนักงาน): ผู้สนับสนุน → พันธมิตร / Ladder stage (set by staff): Supporter → Partner';

describe('timelineSummary of a ladder stage change', () => {
  it('words the stages and who moved them in the reader language only', () => {
    const override = entry({
      refType: 'ladder',
      subject: MIXED,
      summary: { en: MIXED, th: MIXED },
      data: { ladder: { from: 'supporter', to: 'partner', source: 'override' } },
    });
    expect(summary(override, 'th')).toBe('พนักงานกำหนดขั้นความสัมพันธ์: ผู้สนับสนุน → พันธมิตร');
    expect(summary(override, 'en')).toBe('Ladder stage set by staff: Supporter → Partner');
  });

  it('shows a first stage from the rules and a stage handed back to them', () => {
    const first = entry({
      refType: 'ladder',
      data: { ladder: { from: null, to: 'repeat_customer', source: 'rules' } },
    });
    expect(summary(first, 'th')).toBe('ขั้นความสัมพันธ์: ลูกค้าซื้อซ้ำ');
    expect(summary(first, 'en')).toBe('Ladder stage: Repeat customer');
    const cleared = entry({
      refType: 'ladder',
      data: { ladder: { from: 'partner', to: 'supporter', source: 'override_cleared' } },
    });
    expect(summary(cleared, 'th')).toBe('ขั้นความสัมพันธ์กลับไปใช้กฎ: พันธมิตร → ผู้สนับสนุน');
    expect(summary(cleared, 'en')).toBe('Ladder stage back to the rules: Partner → Supporter');
  });

  it('shows the reader half of an older entry that has only the mixed subject', () => {
    const old = entry({ refType: 'ladder', subject: MIXED, summary: { en: MIXED, th: MIXED } });
    expect(summary(old, 'th')).toBe('ขั้นความสัมพันธ์ (กำหนดโดยพนักงาน): ผู้สนับสนุน → พันธมิตร');
    expect(summary(old, 'en')).toBe('Ladder stage (set by staff): Supporter → Partner');
    const unknownStage = entry({ refType: 'ladder', subject: MIXED, data: { ladder: { to: 'vip' } } });
    expect(summary(unknownStage, 'en')).toBe('Ladder stage (set by staff): Supporter → Partner');
  });

  it('leaves other system entries as the server wrote them', () => {
    const other = entry({ subject: 'a / b', summary: { en: 'Imported / นำเข้า', th: 'Imported / นำเข้า' } });
    expect(summary(other, 'en')).toBe('Imported / นำเข้า');
  });
});
