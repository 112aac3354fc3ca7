const THAI = /[\u0E00-\u0E7F]/;
const SEPARATOR = ' / ';

/**
 * The reader's half of a server text written in both languages as "english / thai" (import
 * rejection reasons) or "thai / english" (older timeline subjects). The Thai half is the one
 * in Thai script, so either order works; a text without " / " is shown whole. When a value
 * quoted in the halves holds " / " itself, the split is the middlemost separator with Thai
 * on one side only, else the middle one (the halves repeat the same values).
 */
export function languagePart(text: string, language: string): string {
  const at: number[] = [];
  for (let i = text.indexOf(SEPARATOR); i !== -1; i = text.indexOf(SEPARATOR, i + 1)) at.push(i);
  if (at.length === 0) return text;
  const halves = (i: number) => [text.slice(0, i).trim(), text.slice(i + SEPARATOR.length).trim()] as const;
  // The servers write one separator between the halves; values quoted in both halves may
  // hold more. The halves' separator has Thai on one side only; of those, the middlemost.
  const middle = at.length >> 1;
  let best: { distance: number; en: string; th: string } | null = null;
  for (const [index, i] of at.entries()) {
    const [left, right] = halves(i);
    const leftThai = THAI.test(left);
    const distance = Math.abs(index - middle);
    if (leftThai === THAI.test(right) || (best && best.distance <= distance)) continue;
    best = leftThai ? { distance, th: left, en: right } : { distance, en: left, th: right };
  }
  // Both halves (or neither) in Thai script: the servers write English first.
  const [left, right] = halves(at[middle] ?? 0);
  const pair: { en: string; th: string } = best ?? { en: left, th: right };
  const part = language.startsWith('th') ? pair.th : pair.en;
  return part === '' ? text : part;
}
