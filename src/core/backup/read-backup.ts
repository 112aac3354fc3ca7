import { createReadStream } from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { AppError } from '../errors/app-error.ts';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupHeader, type BackupTable } from './format.ts';

/** What a reader hands a loader: table sections, then batches of raw row lines. */
export type BackupChunk =
  | { kind: 'table'; table: BackupTable }
  | { kind: 'rows'; table: BackupTable; lines: string[] }
  | { kind: 'end'; rows: Record<string, number> };

const BATCH_ROWS = 5000;
const BATCH_CHARS = 8 * 1024 * 1024;
/** No row comes near this; a file without line breaks is not ours and must not fill memory. */
const MAX_LINE_CHARS = 256 * 1024 * 1024;

function invalid(reason: string): AppError {
  return new AppError('backup_invalid', { reason });
}

/** Decompressed lines of a file; a damaged or cut-off gzip stream becomes backup_invalid. */
async function* linesOf(path: string): AsyncGenerator<string> {
  const gunzip = createGunzip();
  const out = new PassThrough({ readableHighWaterMark: 1 << 20 });
  const piped = pipeline(createReadStream(path), gunzip, out);
  piped.catch(() => {});
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of out as Readable) {
      const text = rest + decoder.write(chunk as Buffer);
      let start = 0;
      for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
        yield text.slice(start, nl);
        start = nl + 1;
      }
      rest = text.slice(start);
      if (rest.length > MAX_LINE_CHARS) throw invalid('a line is longer than 256 MB: this is not a Sampan backup');
    }
    await piped;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') throw invalid(`no such file: ${path}`);
    if (e.code === 'EISDIR') throw invalid(`${path} is a directory`);
    if (typeof e.code === 'string' && e.code.startsWith('Z_')) {
      throw invalid(
        e.code === 'Z_BUF_ERROR' ? 'the file is cut off (incomplete gzip data)' : `damaged or not gzip (${e.message})`,
      );
    }
    throw err;
  } finally {
    out.destroy();
  }
  rest += decoder.end();
  if (rest !== '') yield rest;
}

export function parseHeader(line: string | undefined): BackupHeader {
  if (line === undefined) throw invalid('the file is empty');
  let header: unknown;
  try {
    header = JSON.parse(line);
  } catch {
    throw invalid('the first line is not a Sampan backup header');
  }
  const h = header as Partial<BackupHeader>;
  if (typeof h !== 'object' || h === null || h.format !== BACKUP_FORMAT) throw invalid('this is not a Sampan backup');
  if (h.formatVersion !== BACKUP_FORMAT_VERSION) throw invalid(`unsupported format version ${String(h.formatVersion)}`);
  if (!Number.isInteger(h.schemaVersion) || (h.schemaVersion ?? 0) < 1)
    throw invalid('the header has no schema version');
  const tablesOk =
    Array.isArray(h.tables) &&
    h.tables.every(
      (t) =>
        typeof t?.name === 'string' &&
        Array.isArray(t.columns) &&
        t.columns.length > 0 &&
        t.columns.every((c) => typeof c === 'string'),
    ) &&
    new Set(h.tables.map((t) => t.name)).size === h.tables.length;
  if (!tablesOk) throw invalid('the header does not list its tables properly');
  const seqOk =
    h.sequences === undefined ||
    (Array.isArray(h.sequences) &&
      h.sequences.every(
        (s) => typeof s?.name === 'string' && (s.lastValue === null || /^-?\d+$/.test(String(s.lastValue))),
      ));
  if (!seqOk) throw invalid('the header does not list its sequences properly');
  return { ...(h as BackupHeader), sequences: h.sequences ?? [] };
}

/** Reads only the first line: cheap checks before anything touches the target. */
export async function readBackupHeader(path: string): Promise<BackupHeader> {
  const lines = linesOf(path);
  try {
    const first = await lines.next();
    return parseHeader(first.done ? undefined : first.value);
  } finally {
    await lines.return(undefined);
  }
}

function markerOf(line: string): { table: string } | { end: true; rows: Record<string, number> } | undefined {
  if (!line.startsWith('{"table":') && !line.startsWith('{"end":')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  const v = value as Record<string, unknown>;
  const keys = Object.keys(v).join(',');
  if (keys === 'table' && typeof v.table === 'string') return { table: v.table };
  if (keys === 'end,rows' && v.end === true && typeof v.rows === 'object' && v.rows !== null) {
    return { end: true, rows: v.rows as Record<string, number> };
  }
  return undefined;
}

/**
 * Reads a whole backup, checking its structure as it goes: sections in the header's
 * order, every row inside a section, a trailer whose counts match, nothing after it.
 * Rows stay raw JSON text: the database parses them, so no value passes through a
 * JavaScript number on the way.
 */
export async function* readBackup(path: string): AsyncGenerator<BackupChunk, BackupHeader> {
  const lines = linesOf(path);
  const first = await lines.next();
  const header = parseHeader(first.done ? undefined : first.value);
  const expected = header.tables;
  let index = -1;
  let current: BackupTable | undefined;
  let batch: string[] = [];
  let batchChars = 0;
  let rowsInTable = 0;
  const counts: Record<string, number> = {};
  let ended = false;
  let lineNo = 1;

  const flush = function* (): Generator<BackupChunk> {
    if (current && batch.length) yield { kind: 'rows', table: current, lines: batch };
    batch = [];
    batchChars = 0;
  };

  for await (const line of lines) {
    lineNo++;
    if (ended) throw invalid(`unexpected data after the end marker (line ${lineNo})`);
    const marker = markerOf(line);
    if (marker && 'table' in marker) {
      yield* flush();
      if (current) counts[current.name] = rowsInTable;
      index++;
      current = expected[index];
      if (!current || current.name !== marker.table) {
        throw invalid(`unexpected table section ${marker.table} (line ${lineNo})`);
      }
      rowsInTable = 0;
      yield { kind: 'table', table: current };
      continue;
    }
    if (marker && 'end' in marker) {
      yield* flush();
      if (current) counts[current.name] = rowsInTable;
      if (index !== expected.length - 1) throw invalid('the file is incomplete: some tables are missing');
      for (const t of expected) {
        if (marker.rows[t.name] !== counts[t.name]) {
          throw invalid(
            `table ${t.name} holds ${counts[t.name] ?? 0} rows but the end marker says ${String(marker.rows[t.name])}`,
          );
        }
      }
      ended = true;
      yield { kind: 'end', rows: counts };
      continue;
    }
    if (!current) throw invalid(`a row before any table section (line ${lineNo})`);
    if (!line.startsWith('{') || !line.endsWith('}')) throw invalid(`line ${lineNo} is not a row of ${current.name}`);
    rowsInTable++;
    batch.push(line);
    batchChars += line.length;
    if (batch.length >= BATCH_ROWS || batchChars >= BATCH_CHARS) yield* flush();
  }
  if (!ended)
    throw invalid('the file is incomplete (no end marker): it was probably cut off while being written or copied');
  return header;
}

/** Reads a whole file and checks it, without a database. */
export async function verifyBackupFile(path: string): Promise<{ header: BackupHeader; rows: number }> {
  const reader = readBackup(path);
  let rows = 0;
  for (;;) {
    const next = await reader.next();
    if (next.done) return { header: next.value, rows };
    if (next.value.kind === 'rows') rows += next.value.lines.length;
  }
}
