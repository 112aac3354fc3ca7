const words = new Intl.Segmenter('th', { granularity: 'word' });

/**
 * Breaks text into lines no wider than `width` at word boundaries, Thai included. Thai is
 * written without spaces between words and pdfkit breaks lines only at spaces, so a long
 * Thai description would run to the edge and be cut mid-word; Intl.Segmenter knows the
 * Thai words. Explicit newlines are kept; a single word wider than a line is split by
 * grapheme. `measure` gives a string's width in the same unit as `width`.
 */
export function wrapThai(text: string, width: number, measure: (s: string) => number): string {
  const out: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const { segment } of words.segment(paragraph)) {
      const candidate = line + segment;
      if (measure(candidate) <= width || line === '') {
        line = candidate;
        if (measure(line) > width) {
          // One word longer than the line: cut it by grapheme.
          const pieces = splitLong(line, width, measure);
          out.push(...pieces.slice(0, -1));
          line = pieces.at(-1) ?? '';
        }
        continue;
      }
      out.push(line.trimEnd());
      line = segment.trimStart();
    }
    out.push(line.trimEnd());
  }
  return out.join('\n');
}

const graphemes = new Intl.Segmenter('th', { granularity: 'grapheme' });

function splitLong(text: string, width: number, measure: (s: string) => number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const { segment } of graphemes.segment(text)) {
    if (piece && measure(piece + segment) > width) {
      pieces.push(piece);
      piece = segment;
    } else piece += segment;
  }
  pieces.push(piece);
  return pieces;
}
