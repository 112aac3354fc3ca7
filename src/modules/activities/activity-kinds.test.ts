import { describe, expect, it } from 'vitest';
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
