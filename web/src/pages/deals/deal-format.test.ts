import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/deals.en.json';
import th from '../../i18n/deals.th.json';
import { formatDuration, localName } from './deal-format.ts';

const instance = i18n.createInstance();
await instance.init({ lng: 'en', resources: { en: { deals: en }, th: { deals: th } }, ns: ['deals'] });
const tEn = instance.getFixedT('en', 'deals');
const tTh = instance.getFixedT('th', 'deals');

describe('time in stage', () => {
  it('shows the two largest units', () => {
    expect(formatDuration(30, tEn)).toBe('under a minute');
    expect(formatDuration(25 * 60, tEn)).toBe('25 min');
    expect(formatDuration(3 * 3600 + 5 * 60, tEn)).toBe('3 h 5 min');
    expect(formatDuration(86_400 + 4 * 3600 + 59, tEn)).toBe('1 day 4 h');
    expect(formatDuration(3 * 86_400 + 120, tEn)).toBe('3 days');
    expect(formatDuration(2 * 86_400 + 3600, tTh)).toBe('2 วัน 1 ชม.');
  });

  it('names a stage in English only when it has an English name', () => {
    expect(localName({ nameTh: 'เสนอราคา', nameEn: 'Proposal' }, 'en')).toBe('Proposal');
    expect(localName({ nameTh: 'เสนอราคา', nameEn: null }, 'en')).toBe('เสนอราคา');
    expect(localName({ nameTh: 'เสนอราคา', nameEn: 'Proposal' }, 'th')).toBe('เสนอราคา');
  });
});
