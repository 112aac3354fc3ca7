import { describe, expect, it } from 'vitest';
import { wrapThai } from './wrap-thai.ts';

// One unit per grapheme-ish character: enough to test where lines break.
const measure = (s: string) => [...s].length;

describe('wrapThai', () => {
  it('breaks Thai between words, never inside one', () => {
    const text = 'เมล็ดกาแฟคั่วกลางสำหรับร้านค้าส่งที่สั่งซื้อเป็นประจำทุกเดือน';
    const lines = wrapThai(text, 20, measure).split('\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(text);
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(20);
    const thaiWords = [...new Intl.Segmenter('th', { granularity: 'word' }).segment(text)].map((s) => s.segment);
    let at = 0;
    const boundaries = new Set(thaiWords.map((w) => (at += w.length)));
    let pos = 0;
    for (const line of lines.slice(0, -1)) {
      pos += line.length;
      expect(boundaries.has(pos)).toBe(true);
    }
  });

  it('keeps newlines and short text, drops the space at a break', () => {
    expect(wrapThai('ชำระเงิน\nภายใน 30 วัน', 40, measure)).toBe('ชำระเงิน\nภายใน 30 วัน');
    expect(wrapThai('Medium roast beans', 12, measure)).toBe('Medium roast\nbeans');
  });

  it('cuts a word longer than a line', () => {
    expect(wrapThai('ABCDEFGHIJ', 4, measure)).toBe('ABCD\nEFGH\nIJ');
  });
});
