import type { DatabaseKind } from '../db/database.ts';

/**
 * The Sampan backup format: one gzip-compressed JSON-lines file, the same for PGlite and
 * PostgreSQL, so a backup of either restores into either.
 *
 *   {"format":"sampan-backup","formatVersion":1,"schemaVersion":N,...,"tables":[...]}
 *   {"table":"teams"}
 *   {...one row_to_json line per row...}
 *   {"table":"users"}
 *   ...
 *   {"end":true,"rows":{"teams":2,"users":5,...}}
 *
 * Tables come in foreign-key order (parents first). The trailer lets a reader tell a
 * complete file from one cut off part-way.
 */
export const BACKUP_FORMAT = 'sampan-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupTable {
  name: string;
  columns: string[];
}

export interface BackupSequence {
  name: string;
  /** The sequence's last value as text (int8), or null when it was never used. */
  lastValue: string | null;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  schemaVersion: number;
  createdAt: string;
  database: DatabaseKind;
  app: string;
  tables: BackupTable[];
  sequences: BackupSequence[];
}

export interface BackupTrailer {
  end: true;
  rows: Record<string, number>;
}

export interface BackupSummary {
  tables: number;
  rows: number;
  /** Size of the compressed file. */
  bytes: number;
  ms: number;
  schemaVersion: number;
}

/** Names of files Sampan writes into its backup folder (scheduled: HHmm, on demand: HHmmss). */
export const BACKUP_FILE_RE = /^sampan-\d{8}-\d{4,6}\.jsonl\.gz$/;

export function isBackupFileName(name: string): boolean {
  return BACKUP_FILE_RE.test(name);
}

/**
 * A row line is whatever row_to_json printed; a marker is an object with exactly the
 * marker's keys. The writer refuses a table whose columns are exactly those keys, so the
 * two can never be confused.
 */
export function isMarkerShaped(columns: readonly string[]): boolean {
  const key = columns.join(',');
  return key === 'table' || key === 'end,rows';
}

export function tableMarker(name: string): string {
  return JSON.stringify({ table: name });
}

export function trailerLine(rows: Record<string, number>): string {
  return JSON.stringify({ end: true, rows } satisfies BackupTrailer);
}

/** Quotes an identifier for SQL (the catalog gives us names, not user input, but be exact). */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function qualified(table: string): string {
  return `public.${ident(table)}`;
}
