import { Readable } from 'node:stream';
import { type CsvError, type Options, parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { AppError } from '../../core/errors/app-error.ts';
import type { FileFormat } from './file-format.ts';

/** One data row of a CSV file: its line number (where the record ends) and its cells. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** A row may span several lines (quoted line breaks) but not more than this many characters. */
const MAX_RECORD_CHARS = 1_000_000;
/** Rows whose column count differs from the header's are rejected one by one, until they are this share of the file. */
const RAGGED_TOLERANCE = 0.1;
const RAGGED_GRACE = 20;

/** Decodes bytes to text as they stream; invalid UTF-8 (or a character cut off at the end) is refused. */
async function* decode(source: AsyncIterable<Uint8Array>, format: FileFormat): AsyncGenerator<string> {
  if (format.encoding === 'windows-874') {
    const decoder = iconv.getDecoder('windows-874');
    for await (const chunk of source) yield decoder.write(Buffer.from(chunk));
    const rest = decoder.end();
    if (rest) yield rest;
    return;
  }
  // ignoreBOM false: a leading byte-order mark is dropped, as Excel's "CSV UTF-8" writes one.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lines = 1;
  const countLines = (text: string) => {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
    return text;
  };
  for await (const chunk of source) {
    try {
      yield countLines(decoder.decode(chunk, { stream: true }));
    } catch {
      throw new AppError('import_file_malformed', {
        line: lines,
        reason: 'bytes that are not valid UTF-8 (choose the Windows-874 encoding if the file is Thai Windows text)',
      });
    }
  }
  try {
    yield decoder.decode();
  } catch {
    throw new AppError('import_file_truncated', { line: lines });
  }
}

function csvFailure(err: unknown): unknown {
  if (err instanceof AppError) return err;
  const e = err as Partial<CsvError> & { lines?: number };
  const line = e.lines ?? 0;
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new AppError('import_file_malformed', { line, reason: 'a quoted cell is never closed' });
    case 'CSV_INVALID_CLOSING_QUOTE':
      return new AppError('import_file_malformed', { line, reason: 'text after a closing quote' });
    case 'CSV_MAX_RECORD_SIZE':
      return new AppError('import_file_malformed', { line, reason: 'a row longer than 1,000,000 characters' });
    default:
      return e.code?.startsWith('CSV_') ? new AppError('import_file_malformed', { line, reason: e.code }) : err;
  }
}

function cleanHeaders(cells: string[]): string[] {
  const headers = cells.map((h, i) => h.replace(/^\uFEFF/, '').trim() || `column ${i + 1}`);
  const seen = new Set<string>();
  for (const h of headers) {
    if (seen.has(h)) throw new AppError('import_header_invalid', { reason: `the column "${h}" appears twice` });
    seen.add(h);
  }
  return headers;
}

export interface CsvReader {
  headers: string[];
  /** Data rows in file order; a row with the wrong number of cells has `ragged: true`. */
  rows: AsyncGenerator<CsvRecord & { ragged: boolean }>;
  close(): void;
}

/**
 * Streams a CSV file: decodes (UTF-8 or Windows-874), parses with csv-parse (bounded
 * memory: one chunk and one row at a time), and yields rows with their line numbers.
 * Refuses malformed files with a coded error; too many ragged rows make the file malformed.
 */
export async function openCsv(source: AsyncIterable<Uint8Array>, format: FileFormat): Promise<CsvReader> {
  const options: Options<CsvRecord, string[]> = {
    delimiter: format.delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARS,
    on_record: (record, context) => ({ line: context.lines, fields: record }),
  };
  const parser = parse(options as unknown as Options);
  const input = Readable.from(decode(source, format), { objectMode: true });
  input.on('error', (err) => parser.destroy(err));
  input.pipe(parser);
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<CsvRecord>;
  const next = async (): Promise<IteratorResult<CsvRecord>> => {
    try {
      return await iterator.next();
    } catch (err) {
      throw csvFailure(err);
    }
  };
  const first = await next();
  if (first.done) throw new AppError('import_file_empty');
  const headers = cleanHeaders(first.value.fields);
  if (headers.length < 1) throw new AppError('import_header_invalid', { reason: 'no columns' });

  async function* rows(): AsyncGenerator<CsvRecord & { ragged: boolean }> {
    let count = 0;
    let ragged = 0;
    for (;;) {
      const r = await next();
      if (r.done) break;
      count++;
      let fields = r.value.fields;
      // Trailing empty cells beyond the header (some spreadsheets add them) are not an error.
      if (fields.length > headers.length && fields.slice(headers.length).every((f) => f === '')) {
        fields = fields.slice(0, headers.length);
      }
      const isRagged = fields.length !== headers.length;
      if (isRagged) {
        ragged++;
        if (ragged > RAGGED_GRACE && ragged > count * RAGGED_TOLERANCE) {
          throw new AppError('import_file_malformed', {
            line: r.value.line,
            reason: `${ragged} of ${count} rows have a different number of columns than the header (${headers.length}); check the delimiter`,
          });
        }
      }
      yield { line: r.value.line, fields, ragged: isRagged };
    }
    if (count === 0) throw new AppError('import_file_empty');
  }
  return {
    headers,
    rows: rows(),
    close: () => {
      input.destroy();
      parser.destroy();
    },
  };
}
