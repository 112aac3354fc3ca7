/** The parts of pdfkit's embedded font (not in its typings) this fix touches. */
interface EmbeddedFontInternals {
  subset: { glyphs: number[]; includeGlyph(id: number): number };
  unicode: number[][];
  widths: number[];
  scale: number;
  layout(
    text: string,
    features?: unknown,
  ): { glyphs: { id: number; codePoints: number[]; advanceWidth: number }[]; positions: unknown[] };
  encode(text: string, features?: unknown): [string[], unknown[]];
  font: { glyphForCodePoint(codePoint: number): { id: number } };
  __thaiTextFix?: true;
}

const SARA_AM = 0x0e33;
const SARA_AA = 0x0e32;
const NIKHAHIT = 0x0e4d;

/** Glyph id → Thai code point, from the font's own character map. */
function thaiGlyphs(font: EmbeddedFontInternals): Map<number, number> {
  const map = new Map<number, number>();
  for (let cp = 0x0e01; cp <= 0x0e5b; cp++) {
    const id = font.font.glyphForCodePoint(cp)?.id;
    if (id && !map.has(id)) map.set(id, cp);
  }
  return map;
}

/**
 * Keeps Thai text readable when copied or extracted (pdf.js, pdftotext) from pdfkit output.
 *
 * Thai fonts draw SARA AM (ำ) by decomposing it (GSUB 'ccmp') into NIKHAHIT + SARA AA, so a
 * tone mark can sit between them (น้ำ). fontkit labels the NIKHAHIT glyph ำ and the SARA AA
 * glyph า, so the text read back was "จำา" for "จำ" — an extra vowel. Here the NIKHAHIT
 * glyph of such a pair is labelled NIKHAHIT, so the text reads "จํา": the same letters
 * on screen, and equal to "จำ" under Unicode compatibility normalisation (NFKC), which is
 * what search boxes and the tests compare.
 *
 * fontkit also caches a glyph with the code points of the text that first produced it: the
 * SARA AA glyph made by that decomposition has none, so every later า in the document read
 * back as nothing ("ราคา" → "รค") or as a stray control character. A glyph without code
 * points is therefore labelled from the font's own character map. The drawing is
 * unchanged. pdfkit creates a font object on first use: call this with the result of
 * doc.font(name).
 */
export function keepThaiTextExtractable(doc: object): void {
  const font = (doc as { _font?: EmbeddedFontInternals })._font;
  if (!font || font.__thaiTextFix || !font.subset || !Array.isArray(font.unicode)) return;
  font.__thaiTextFix = true;
  const original = font.encode.bind(font);
  const thai = thaiGlyphs(font);
  font.encode = (text, features) => {
    if (!/[\u0e00-\u0e7f]/.test(text)) return original(text, features);
    const { glyphs, positions } = font.layout(text, features);
    const res: string[] = [];
    const labelOf = (glyph: { id: number; codePoints: number[] }): number[] => {
      if (glyph.codePoints.length > 0) return glyph.codePoints;
      const own = thai.get(glyph.id);
      return own === undefined ? [] : [own];
    };
    for (const [i, glyph] of glyphs.entries()) {
      const next = glyphs[i + 1];
      const label = labelOf(glyph);
      const nextLabel = next ? labelOf(next) : [];
      const decomposed = label.includes(SARA_AM) && nextLabel.length === 1 && nextLabel[0] === SARA_AA;
      const gid = font.subset.includeGlyph(glyph.id);
      font.unicode[gid] ??= decomposed ? label.map((c) => (c === SARA_AM ? NIKHAHIT : c)) : label;
      font.widths[gid] ??= glyph.advanceWidth * font.scale;
      res.push(`0000${gid.toString(16)}`.slice(-4));
    }
    return [res, positions];
  };
}
