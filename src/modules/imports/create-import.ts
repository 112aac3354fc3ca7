import { createHash } from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { type ImportView, toImportView } from './import-view.ts';
import { importChunks, imports } from './schema.ts';

/** Bytes per stored chunk of an uploaded file. */
const CHUNK_BYTES = 1024 * 1024;

export interface UploadInput {
  fileName: string;
  body: AsyncIterable<Uint8Array>;
  /** Refuse files larger than this many bytes. */
  maxBytes: number;
  /** customers (default) or orders */
  kind?: ImportKindName;
}

/** The kinds of import: what a file's rows become. */
export const IMPORT_KINDS = ['customers', 'orders', 'leads'] as const;
export type ImportKindName = (typeof IMPORT_KINDS)[number];

/** Who may start an import of this kind (the run checks its options again). */
function authorizeKind(actor: Actor, kind: ImportKindName): void {
  authorize(actor.principal, kind === 'orders' || kind === 'leads' ? 'sales' : 'customers', 'create');
}

/**
 * Stores an uploaded file in import_chunks (so any worker replica can read it) as a
 * pending import (customers unless the input says orders). The body streams through in 1 MB chunks, one statement each:
 * memory stays bounded and no transaction is held for the whole upload.
 */
export async function uploadImport(db: Db, actor: Actor, input: UploadInput): Promise<ImportView> {
  const kind = input.kind ?? 'customers';
  authorizeKind(actor, kind);
  const fileName = input.fileName.trim().slice(0, 255) || 'upload.csv';
  const [created] = await db
    .insert(imports)
    .values({ kind, fileName, storage: 'db', actorUserId: actor.principal.userId })
    .returning();
  if (!created) throw new Error('insert returned no row');
  const hash = createHash('sha256');
  let size = 0;
  let seq = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const data = Buffer.concat(pending);
    await db.insert(importChunks).values({ importId: created.id, seq, data });
    seq++;
    pending = [];
    pendingBytes = 0;
  };
  try {
    for await (const chunk of input.body) {
      size += chunk.length;
      if (size > input.maxBytes) throw new AppError('import_file_too_large', { limit: input.maxBytes });
      hash.update(chunk);
      pending.push(Buffer.from(chunk));
      pendingBytes += chunk.length;
      if (pendingBytes >= CHUNK_BYTES) await flush();
    }
    await flush();
    if (size === 0) throw new AppError('import_file_empty');
  } catch (err) {
    await db.delete(imports).where(eq(imports.id, created.id));
    throw err;
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(imports)
      .set({ fileSize: size, fileSha256: hash.digest('hex') })
      .where(eq(imports.id, created.id))
      .returning();
    if (!row) throw new AppError('not_found');
    await recordAudit(tx, actor, {
      entityType: 'import',
      entityId: row.id,
      action: 'upload',
      after: { fileName: row.fileName, fileSize: row.fileSize, fileSha256: row.fileSha256 },
    });
    return toImportView(row);
  });
}

export interface FileImportInput {
  path: string;
  fileName: string;
  fileSize: number;
  fileSha256: string;
  mapping: Record<string, string>;
  /** customers: { onMatch, externalSystem }; orders: OrderImportOptions */
  options: Record<string, unknown>;
  /** customers (default) or orders */
  kind?: ImportKindName;
  dryRun: boolean;
  encoding?: string | undefined;
  delimiter?: string | undefined;
}

/** Registers a local file (the CLI) as an import read from its path. */
export async function createFileImport(db: Db, actor: Actor, input: FileImportInput): Promise<ImportView> {
  const kind = input.kind ?? 'customers';
  authorizeKind(actor, kind);
  const [row] = await db
    .insert(imports)
    .values({
      kind,
      storage: 'path',
      filePath: input.path,
      fileName: input.fileName,
      fileSize: input.fileSize,
      fileSha256: input.fileSha256,
      mapping: input.mapping,
      options: input.options,
      dryRun: input.dryRun,
      encoding: input.encoding ?? null,
      delimiter: input.delimiter ?? null,
      actorUserId: actor.principal.userId,
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return toImportView(row);
}

/** An unfinished (crashed or failed) real import of the same file, to resume instead of starting over. */
export async function findUnfinishedImport(
  db: Db,
  sha256: string,
  kind: ImportKindName = 'customers',
): Promise<ImportView | undefined> {
  const [row] = await db
    .select()
    .from(imports)
    .where(
      and(
        eq(imports.fileSha256, sha256),
        eq(imports.kind, kind),
        eq(imports.dryRun, false),
        inArray(imports.status, ['running', 'failed']),
      ),
    )
    .orderBy(desc(imports.createdAt))
    .limit(1);
  return row ? toImportView(row) : undefined;
}
