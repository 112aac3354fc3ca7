import { describe, expect, it } from 'vitest';
import { bahtText, parseBaht } from './baht-input.ts';

describe('baht input', () => {
  it('reads baht as whole satang', () => {
    expect(parseBaht('65')).toBe(6500);
    expect(parseBaht('1,250.50')).toBe(125050);
    expect(parseBaht('฿ 99.5')).toBe(9950);
    expect(parseBaht('0.07')).toBe(7);
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '-5', '1.234', '1.2.3', '.5']) expect(parseBaht(bad)).toBeNull();
  });

  it('shows satang back as baht text that reads the same', () => {
    for (const satang of [0, 7, 6500, 125050, 9950]) expect(parseBaht(bahtText(satang))).toBe(satang);
    expect(bahtText(125050)).toBe('1250.50');
  });
});
