/** Test helpers for the imports module (used by *.test.ts only). */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Actor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import { createFileImport } from './create-import.ts';
import { type ImportProgress, type RunImportOptions, runImport } from './run-import.ts';

export const FIXTURES = resolve(import.meta.dirname, '../../../test/fixtures/imports');

export function fixture(name: string): string {
  return resolve(FIXTURES, name);
}

export async function importFile(
  db: Db,
  actor: Actor,
  path: string,
  mapping: Record<string, string>,
  options: { onMatch?: 'update' | 'skip'; dryRun?: boolean; encoding?: string } & RunImportOptions = {},
): Promise<{ id: string; progress: ImportProgress }> {
  const view = await createFileImport(db, actor, {
    path,
    fileName: basename(path),
    fileSize: statSync(path).size,
    fileSha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
    mapping,
    options: { onMatch: options.onMatch ?? 'update' },
    dryRun: options.dryRun ?? false,
    encoding: options.encoding,
  });
  const progress = await runImport(db, actor, view.id, options);
  return { id: view.id, progress };
}

/** Registers a local orders CSV as an import and runs it (see importFile). */
export async function importOrderFile(
  db: Db,
  actor: Actor,
  path: string,
  mapping: Record<string, string>,
  options: { dryRun?: boolean; importOptions?: Record<string, unknown> } & RunImportOptions = {},
): Promise<{ id: string; progress: ImportProgress }> {
  const view = await createFileImport(db, actor, {
    kind: 'orders',
    path,
    fileName: basename(path),
    fileSize: statSync(path).size,
    fileSha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
    mapping,
    options: options.importOptions ?? {},
    dryRun: options.dryRun ?? false,
  });
  const progress = await runImport(db, actor, view.id, options);
  return { id: view.id, progress };
}

/** Registers a local leads CSV as an import and runs it (see importFile). */
export async function importLeadFile(
  db: Db,
  actor: Actor,
  path: string,
  mapping: Record<string, string>,
  options: { dryRun?: boolean; importOptions?: Record<string, unknown> } & RunImportOptions = {},
): Promise<{ id: string; progress: ImportProgress }> {
  const view = await createFileImport(db, actor, {
    kind: 'leads',
    path,
    fileName: basename(path),
    fileSize: statSync(path).size,
    fileSha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
    mapping,
    options: options.importOptions ?? {},
    dryRun: options.dryRun ?? false,
  });
  const progress = await runImport(db, actor, view.id, options);
  return { id: view.id, progress };
}
