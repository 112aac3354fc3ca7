import { describe, expect, it } from 'vitest';
import { LADDER_STAGE_LABELS, LADDER_STAGES } from '../ladder/index.ts';
import { maskIdentifier, type SummarisableActivity, summariseActivity } from './activity-kinds.ts';

const entry = (e: Partial<SummarisableActivity> & { kind: string }): SummarisableActivity => ({
  subject: null,
  direction: null,
  durationMinutes: null,
  outcome: null,
  data: {},
  ...e,
});

describe('summariseActivity', () => {
  it('words merges and unmerges as the dedupe module records them', () => {
    expect(
      summariseActivity(
        entry({ kind: 'merge', data: { action: 'merge', mergeId: 'm', mergedNames: ['สมชาย', 'Somchai'] } }),
      ),
    ).toEqual({ en: 'Merged into this profile: สมชาย, Somchai', th: 'รวมเข้ากับโปรไฟล์นี้: สมชาย, Somchai' });
    expect(
      summariseActivity(entry({ kind: 'merge', data: { action: 'unmerge', mergeId: 'm', restoredIds: ['a', 'b'] } })),
    ).toEqual({ en: 'Merge undone: 2 profile(s) restored', th: 'ยกเลิกการรวมโปรไฟล์: แยกคืน 2 โปรไฟล์' });
  });

  it('words points, created profiles, meetings and unknown kinds', () => {
    expect(summariseActivity(entry({ kind: 'points', data: { points: 120 } }))).toEqual({
      en: '+120 points',
      th: '+120 คะแนน',
    });
    expect(summariseActivity(entry({ kind: 'points', data: { points: -50 } })).en).toBe('-50 points');
    expect(summariseActivity(entry({ kind: 'identity_match', data: { created: true, channel: 'import' } }))).toEqual({
      en: 'New profile created (via import)',
      th: 'สร้างโปรไฟล์ใหม่ (ผ่าน import)',
    });
    expect(summariseActivity(entry({ kind: 'meeting', durationMinutes: 45 }))).toEqual({
      en: 'Meeting, 45 min',
      th: 'นัดพบ 45 นาที',
    });
    expect(summariseActivity(entry({ kind: 'loyalty_tier' }))).toEqual({ en: 'loyalty_tier', th: 'loyalty_tier' });
    expect(
      summariseActivity(
        entry({
          kind: 'deal',
          subject: 'โต๊ะ 10 ตัว',
          data: { action: 'stage_changed', stageTh: 'เสนอราคา', stageEn: 'Proposal' },
        }),
      ),
    ).toEqual({ en: 'Deal moved: โต๊ะ 10 ตัว → Proposal', th: 'ย้ายดีล โต๊ะ 10 ตัว → เสนอราคา' });
    // Without the stage (e.g. an erased customer's entry), the generic fallback.
    expect(summariseActivity(entry({ kind: 'deal', data: { action: 'won' } }))).toEqual({ en: 'Deal', th: 'ดีล' });
  });

  it('words ladder stage changes in each language, not the mixed subject they are stored with', () => {
    // As the ladder module writes them (ladder/timeline-entry.ts): kind 'system', data.ladder, a "ไทย / English" subject.
    const ladder = (from: string | null, to: string, source: string, subject = 'ขั้นความสัมพันธ์: … / Ladder stage: …') =>
      summariseActivity(entry({ kind: 'system', subject, data: { ladder: { from, to, source } } }));
    expect(ladder('supporter', 'partner', 'override')).toEqual({
      en: 'Ladder stage (set by staff): Supporter → Partner',
      th: 'ขั้นความสัมพันธ์ (กำหนดโดยพนักงาน): ผู้สนับสนุน → พันธมิตร',
    });
    expect(ladder(null, 'prospect', 'rules')).toEqual({
      en: 'Ladder stage: Prospect',
      th: 'ขั้นความสัมพันธ์: ผู้มุ่งหวัง',
    });
    expect(ladder('advocate', 'repeat_customer', 'override_cleared')).toEqual({
      en: 'Ladder stage (back to the rules): Advocate → Repeat customer',
      th: 'ขั้นความสัมพันธ์ (กลับไปใช้กฎ): ผู้บอกต่อ → ลูกค้าซื้อซ้ำ',
    });
    // The stage names are the ladder module's own.
    for (const stage of LADDER_STAGES) {
      const s = ladder(null, stage, 'rules');
      expect(s.en).toBe(`Ladder stage: ${LADDER_STAGE_LABELS[stage].en}`);
      expect(s.th).toBe(`ขั้นความสัมพันธ์: ${LADDER_STAGE_LABELS[stage].th}`);
    }
    // Unknown stages fall back to the subject; other system entries keep theirs.
    expect(ladder('supporter', 'hero', 'rules', 'ขั้น / Stage')).toEqual({ en: 'ขั้น / Stage', th: 'ขั้น / Stage' });
    expect(ladder('toString', 'partner', 'rules', 'x')).toEqual({ en: 'x', th: 'x' });
    expect(summariseActivity(entry({ kind: 'system', subject: 'ระบบ', data: { ladder: 'partner' } }))).toEqual({
      en: 'ระบบ',
      th: 'ระบบ',
    });
  });

  it('never breaks on malformed data: falls back to the subject, then the kind', () => {
    expect(summariseActivity(entry({ kind: 'consent', data: { purpose: 7 }, subject: 'ยินยอม' }))).toEqual({
      en: 'ยินยอม',
      th: 'ยินยอม',
    });
    expect(summariseActivity(entry({ kind: 'import', data: { action: 3 } }))).toEqual({
      en: 'Import',
      th: 'นำเข้าข้อมูล',
    });
    expect(summariseActivity(entry({ kind: 'merge', data: { mergedIds: 'x' } }))).toEqual({
      en: 'Merge',
      th: 'รวมโปรไฟล์',
    });
  });

  it('masks phones and emails, not other identifiers', () => {
    expect(maskIdentifier('phone', '+66812345678')).toBe('+6681…');
    expect(maskIdentifier('email', 'somchai@example.com')).toBe('so…@example.com');
    expect(maskIdentifier('email', 'a@b.co')).toBe('a…@b.co');
    expect(maskIdentifier('line', 'U123')).toBe('U123');
    expect(maskIdentifier('phone', null)).toBe('');
  });
});
