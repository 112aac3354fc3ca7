import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Actor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import {
  createFileImport,
  findUnfinishedImport,
  formatOf,
  type ImportKindName,
  importBytes,
  mappingByName,
  openCsv,
} from '../../modules/imports/index.ts';
import { UsageError } from '../cli-error.ts';
import { n, sha256Of } from './import-file-run.ts';

/** What `sampan import customers|orders|leads` parsed from its arguments, as far as starting the import goes. */
export interface FileImportRequest {
  file: string;
  /** A saved mapping's name, or a FILE.json holding one; guessed from the headers when absent. */
  mapping: string | undefined;
  options: object;
  dryRun: boolean;
  resume: boolean;
  encoding: string | undefined;
  delimiter: string | undefined;
}

type Format = Awaited<ReturnType<typeof formatOf>>;

/** The mapping of a new import: a JSON file, a saved template, or guessed from the headers. */
async function mappingFor(
  db: Db,
  kind: ImportKindName,
  request: FileImportRequest,
  format: Format,
  suggest: (headers: string[]) => Record<string, string>,
): Promise<{ mapping: Record<string, string>; saved: Record<string, unknown> }> {
  if (request.mapping?.endsWith('.json')) {
    const json = JSON.parse(readFileSync(resolve(request.mapping), 'utf8')) as { mapping?: unknown };
    const m = json.mapping ?? json;
    if (typeof m !== 'object' || m === null) throw new UsageError(`${request.mapping} holds no mapping object`);
    return { mapping: m as Record<string, string>, saved: {} };
  }
  if (request.mapping) {
    const template = await mappingByName(db, request.mapping, kind);
    return { mapping: template.mapping, saved: template.options };
  }
  const reader = await openCsv(importBytes(db, { id: '', storage: 'path', filePath: request.file }), format);
  reader.close();
  return { mapping: suggest(reader.headers), saved: {} };
}

/**
 * The import to run for a file: the unfinished one of the same file (same SHA-256) unless
 * told not to resume, or a new one with its mapping (printed to stderr) and options (the
 * command line's over a saved template's). Returns the import's id.
 */
export async function startFileImport(
  db: Db,
  actor: Actor,
  kind: ImportKindName,
  request: FileImportRequest,
  suggest: (headers: string[]) => Record<string, string>,
): Promise<string> {
  const sha = await sha256Of(request.file);
  const unfinished = request.resume && !request.dryRun ? await findUnfinishedImport(db, sha, kind) : undefined;
  if (unfinished) {
    console.error(
      `Resuming import ${unfinished.id} after line ${n(unfinished.committedLine)} (${n(unfinished.processedRows)} rows done).`,
    );
    return unfinished.id;
  }
  const stub = {
    id: '',
    storage: 'path',
    filePath: request.file,
    encoding: request.encoding ?? null,
    delimiter: request.delimiter ?? null,
  };
  const format = await formatOf(db, stub as Parameters<typeof formatOf>[1]);
  const { mapping, saved } = await mappingFor(db, kind, request, format, suggest);
  console.error(
    `Columns: ${
      Object.entries(mapping)
        .map(([h, f]) => `${h} → ${f}`)
        .join(', ') || '(none recognised)'
    }`,
  );
  const view = await createFileImport(db, actor, {
    kind,
    path: request.file,
    fileName: basename(request.file),
    fileSize: statSync(request.file).size,
    fileSha256: sha,
    mapping,
    options: { ...saved, ...request.options },
    dryRun: request.dryRun,
    encoding: format.encoding,
    delimiter: format.delimiter,
  });
  return view.id;
}
