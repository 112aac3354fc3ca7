/** Test helpers for the imports module (used by *.test.ts only). */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Actor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import { createFileImport, type ImportKindName } from './create-import.ts';
import { type ImportProgress, type RunImportOptions, runImport } from './run-import.ts';

export const FIXTURES = resolve(import.meta.dirname, '../../../test/fixtures/imports');

export function fixture(name: string): string {
  return resolve(FIXTURES, name);
}

/** Options of importKindFile: the import's own options, dry run and encoding, and how to run it. */
export type ImportFileOptions = {
  dryRun?: boolean;
  encoding?: string;
  /** The import's options (e.g. onMatch, onDuplicate); {} unless given. */
  importOptions?: Record<string, unknown>;
} & RunImportOptions;

/** Registers a local CSV file of the given kind as an import and runs it to the end (or as far as options say). */
export async function importKindFile(
  db: Db,
  actor: Actor,
  kind: ImportKindName,
  path: string,
  mapping: Record<string, string>,
  options: ImportFileOptions = {},
): Promise<{ id: string; progress: ImportProgress }> {
  const view = await createFileImport(db, actor, {
    kind,
    path,
    fileName: basename(path),
    fileSize: statSync(path).size,
    fileSha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
    mapping,
    options: options.importOptions ?? {},
    dryRun: options.dryRun ?? false,
    encoding: options.encoding,
  });
  const progress = await runImport(db, actor, view.id, options);
  return { id: view.id, progress };
}

/** Registers a local customers CSV as an import and runs it (onMatch defaults to update). */
export function importFile(
  db: Db,
  actor: Actor,
  path: string,
  mapping: Record<string, string>,
  options: { onMatch?: 'update' | 'skip' } & Omit<ImportFileOptions, 'importOptions'> = {},
): Promise<{ id: string; progress: ImportProgress }> {
  return importKindFile(db, actor, 'customers', path, mapping, {
    ...options,
    importOptions: { onMatch: options.onMatch ?? 'update' },
  });
}

/** Registers a local orders CSV as an import and runs it (see importKindFile). */
export function importOrderFile(
  db: Db,
  actor: Actor,
  path: string,
  mapping: Record<string, string>,
  options: ImportFileOptions = {},
): Promise<{ id: string; progress: ImportProgress }> {
  return importKindFile(db, actor, 'orders', path, mapping, options);
}

/** Registers a local leads CSV as an import and runs it (see importKindFile). */
export function importLeadFile(
  db: Db,
  actor: Actor,
  path: string,
  mapping: Record<string, string>,
  options: ImportFileOptions = {},
): Promise<{ id: string; progress: ImportProgress }> {
  return importKindFile(db, actor, 'leads', path, mapping, options);
}
