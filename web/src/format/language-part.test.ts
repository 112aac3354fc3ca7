import { describe, expect, it } from 'vitest';
import { languagePart } from './language-part.ts';

describe('languagePart', () => {
  const reason = 'invalid phone: 12345; unknown status / เบอร์โทรไม่ถูกต้อง: 12345; ไม่รู้จักสถานะ';

  it('shows the English or the Thai half of an import rejection reason', () => {
    expect(languagePart(reason, 'en')).toBe('invalid phone: 12345; unknown status');
    expect(languagePart(reason, 'th')).toBe('เบอร์โทรไม่ถูกต้อง: 12345; ไม่รู้จักสถานะ');
    expect(languagePart(reason, 'th-TH')).toBe('เบอร์โทรไม่ถูกต้อง: 12345; ไม่รู้จักสถานะ');
  });

  it('finds the Thai half whichever side it is on', () => {
    const subject = 'ขั้นความสัมพันธ์: ผู้สนับสนุน → พันธมิตร / Ladder stage: Supporter → Partner';
    expect(languagePart(subject, 'en')).toBe('Ladder stage: Supporter → Partner');
    expect(languagePart(subject, 'th')).toBe('ขั้นความสัมพันธ์: ผู้สนับสนุน → พันธมิตร');
  });

  it('shows a text without a separator whole, in either language', () => {
    expect(languagePart('row has too many columns', 'th')).toBe('row has too many columns');
    expect(languagePart('แถวนี้ว่าง', 'en')).toBe('แถวนี้ว่าง');
    expect(languagePart('', 'en')).toBe('');
  });

  it('splits at the right separator when a quoted value holds " / " too', () => {
    const value = 'unknown owner "a / b" / ไม่รู้จักผู้ดูแล "a / b"';
    expect(languagePart(value, 'en')).toBe('unknown owner "a / b"');
    expect(languagePart(value, 'th')).toBe('ไม่รู้จักผู้ดูแล "a / b"');
    const thaiValue = 'unknown province "เชียงใหม่ / ลำพูน" / ไม่รู้จักจังหวัด "เชียงใหม่ / ลำพูน"';
    expect(languagePart(thaiValue, 'en')).toBe('unknown province "เชียงใหม่ / ลำพูน"');
    expect(languagePart(thaiValue, 'th')).toBe('ไม่รู้จักจังหวัด "เชียงใหม่ / ลำพูน"');
    const thaiFirst = 'ไม่รู้จักผู้ดูแล "a / b" / unknown owner "a / b"';
    expect(languagePart(thaiFirst, 'en')).toBe('unknown owner "a / b"');
    expect(languagePart(thaiFirst, 'th')).toBe('ไม่รู้จักผู้ดูแล "a / b"');
  });

  it('keeps the whole text rather than show an empty half', () => {
    expect(languagePart('only english / ', 'en')).toBe('only english');
    expect(languagePart(' / ภาษาไทยเท่านั้น', 'en')).toBe(' / ภาษาไทยเท่านั้น');
  });
});
