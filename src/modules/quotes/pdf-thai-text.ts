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
  __thaiTextFix?: true;
}

const SARA_AM = 0x0e33;
const SARA_AA = 0x0e32;
const NIKHAHIT = 0x0e4d;

/**
 * Keeps Thai text readable when copied or extracted (pdf.js, pdftotext) from pdfkit output.
 *
 * Thai fonts draw SARA AM (ำ) by decomposing it (GSUB 'ccmp') into NIKHAHIT + SARA AA, so a
 * tone mark can sit between them (น้ำ). fontkit labels the NIKHAHIT glyph ำ and the SARA AA
 * glyph า, so the text read back was "จำา" for "จำ" — an extra vowel. Here the NIKHAHIT
 * glyph of such a pair is labelled NIKHAHIT, so the text reads "จํา": the same letters
 * on screen, and equal to "จำ" under Unicode compatibility normalisation (NFKC), which is
 * what search boxes and the tests compare. The drawing is unchanged. pdfkit creates a font
 * object on first use: call this with the result of doc.font(name).
 */
export function keepThaiTextExtractable(doc: object): void {
  const font = (doc as { _font?: EmbeddedFontInternals })._font;
  if (!font || font.__thaiTextFix || !font.subset || !Array.isArray(font.unicode)) return;
  font.__thaiTextFix = true;
  const original = font.encode.bind(font);
  font.encode = (text, features) => {
    if (!text.includes('\u0e33')) return original(text, features);
    const { glyphs, positions } = font.layout(text, features);
    const res: string[] = [];
    for (const [i, glyph] of glyphs.entries()) {
      const next = glyphs[i + 1];
      const decomposed =
        glyph.codePoints.includes(SARA_AM) && next?.codePoints.length === 1 && next.codePoints[0] === SARA_AA;
      const gid = font.subset.includeGlyph(glyph.id);
      font.unicode[gid] ??= decomposed ? glyph.codePoints.map((c) => (c === SARA_AM ? NIKHAHIT : c)) : glyph.codePoints;
      font.widths[gid] ??= glyph.advanceWidth * font.scale;
      res.push(`0000${gid.toString(16)}`.slice(-4));
    }
    return [res, positions];
  };
}
