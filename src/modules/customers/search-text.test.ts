import { describe, expect, it } from 'vitest';
import { foldText, phoneWords, searchWords, thaiNameSuffixes } from './search-text.ts';

describe('search text', () => {
  it('folds case and accents, keeps Thai letters, and turns Thai digits to ASCII', () => {
    expect(foldText('José ÉMILE ๑๒๓')).toBe('jose emile 123');
  });

  it('breaks Thai runs into words and splits the rest on non-letters', () => {
    const words = searchWords('นายสมชาย ใจดี (Somchai Jaidee)');
    expect(words).toEqual(expect.arrayContaining(['สมชาย', 'ใจดี', 'somchai', 'jaidee']));
    expect(words.every((w) => /^[a-z0-9\u0E01-\u0E4E]+$/.test(w))).toBe(true);
  });

  it('gives the same words for a name seen before (the memo) and does not share its arrays', () => {
    const first = searchWords('สมศักดิ์ ศรีสุข');
    first.push('changed');
    expect(searchWords('สมศักดิ์ ศรีสุข')).toEqual(first.slice(0, -1));
  });

  it('stores a Thai name from each word boundary to its end, without spaces', () => {
    const suffixes = thaiNameSuffixes('สมศักดิ์ ศรีสุข');
    expect(suffixes[0]).toBe('สมศักดิ์ศรีสุข');
    expect(suffixes.length).toBeGreaterThan(1);
    for (const suffix of suffixes) expect('สมศักดิ์ศรีสุข'.endsWith(suffix)).toBe(true);
    expect(thaiNameSuffixes('John Smith')).toEqual([]);
  });

  it('gives phones as national, international and reversed digits', () => {
    expect(phoneWords('+66812345678')).toEqual(['0812345678', '66812345678', '8765432180']);
  });
});
