import { AppError } from '../../core/errors/app-error.ts';

export const ENCODINGS = ['utf-8', 'windows-874'] as const;
export type Encoding = (typeof ENCODINGS)[number];
export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** How many bytes of the start of a file decide its encoding and delimiter. */
export const SAMPLE_BYTES = 256 * 1024;

export interface FileFormat {
  encoding: Encoding;
  delimiter: Delimiter;
  /** The file starts with a UTF-8 byte-order mark (Excel's "CSV UTF-8"). */
  bom: boolean;
}

const BOM = [0xef, 0xbb, 0xbf];

/** Bytes Windows-874 leaves undefined: a file holding them is neither Thai text nor UTF-8. */
function undefinedIn874(b: number): boolean {
  return (
    (b >= 0x81 && b <= 0x84) ||
    (b >= 0x86 && b <= 0x90) ||
    (b >= 0x98 && b <= 0x9f) ||
    (b >= 0xdb && b <= 0xde) ||
    b >= 0xfc
  );
}

/** Cuts an incomplete UTF-8 sequence off the end of a sample (the sample may end mid-character). */
function wholeCharacters(sample: Uint8Array, complete: boolean): Uint8Array {
  if (complete) return sample;
  let end = sample.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = sample[end - back] ?? 0;
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    if (need > back) end -= back;
    break;
  }
  return sample.subarray(0, end);
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Refuses binary files: NUL bytes, many control characters, or bytes that are valid in
 * neither UTF-8 nor Windows-874 (e.g. an .xlsx or a picture renamed to .csv).
 */
function refuseBinary(sample: Uint8Array, utf8: boolean): void {
  let controls = 0;
  for (const b of sample) {
    if (b === 0) throw new AppError('import_file_binary', { reason: 'NUL bytes' });
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a) controls++;
  }
  if (controls > Math.max(8, sample.length / 100))
    throw new AppError('import_file_binary', { reason: 'control characters' });
  if (!utf8 && sample.some(undefinedIn874)) {
    throw new AppError('import_file_binary', { reason: 'bytes valid in neither UTF-8 nor Windows-874' });
  }
}

/** The delimiter that splits the header line into the most columns (comma on a tie). */
export function detectDelimiter(headerLine: string): Delimiter {
  let best: Delimiter = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    let count = 0;
    let quoted = false;
    for (const ch of headerLine) {
      if (ch === '"') quoted = !quoted;
      else if (ch === d && !quoted) count++;
    }
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/** The first line of decoded text (up to the first line break outside quotes). */
export function firstLine(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if ((ch === '\n' || ch === '\r') && !quoted) return text.slice(0, i);
  }
  return text;
}

export function decodeSample(sample: Uint8Array, encoding: Encoding): string {
  return new TextDecoder(encoding === 'utf-8' ? 'utf-8' : 'windows-874').decode(sample);
}

/**
 * Detects the encoding (valid UTF-8 → utf-8, else Windows-874 as Excel on Thai Windows
 * saves) and the delimiter (from the header line) of a file from its first bytes.
 * `complete` says the sample is the whole file. Overrides win over detection.
 */
export function detectFormat(
  sample: Uint8Array,
  complete: boolean,
  overrides: { encoding?: Encoding | undefined; delimiter?: Delimiter | undefined } = {},
): FileFormat {
  const bom = BOM.every((b, i) => sample[i] === b);
  const body = bom ? sample.subarray(3) : sample;
  if (body.length === 0) throw new AppError('import_file_empty');
  const utf8 = isUtf8(wholeCharacters(body, complete));
  if (complete && !utf8 && isUtf8(wholeCharacters(body, false))) {
    // Valid UTF-8 up to a character cut off at the very end: the file was truncated.
    let line = 1;
    for (const b of body) if (b === 0x0a) line++;
    throw new AppError('import_file_truncated', { line });
  }
  refuseBinary(body, utf8);
  const encoding: Encoding = overrides.encoding ?? (utf8 || bom ? 'utf-8' : 'windows-874');
  const delimiter = overrides.delimiter ?? detectDelimiter(firstLine(decodeSample(body, encoding)));
  return { encoding, delimiter, bom };
}
