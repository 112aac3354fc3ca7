import { createReadStream } from 'node:fs';
import { and, asc, eq, gte } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { importChunks, type imports } from './schema.ts';

type ImportRow = typeof imports.$inferSelect;

/** Chunks read from the database per query while streaming an uploaded file. */
const CHUNKS_PER_READ = 4;

async function* fromChunks(db: DbOrTx, importId: string): AsyncGenerator<Uint8Array> {
  let seq = 0;
  for (;;) {
    const rows = await db
      .select({ seq: importChunks.seq, data: importChunks.data })
      .from(importChunks)
      .where(and(eq(importChunks.importId, importId), gte(importChunks.seq, seq)))
      .orderBy(asc(importChunks.seq))
      .limit(CHUNKS_PER_READ);
    for (const r of rows) yield r.data;
    const last = rows.at(-1);
    if (rows.length < CHUNKS_PER_READ || !last) return;
    seq = last.seq + 1;
  }
}

async function* fromFile(path: string): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) yield chunk as Buffer;
  } catch (err) {
    throw new AppError('import_file_missing', { reason: (err as Error).message });
  }
}

/** The bytes of an import's file, streamed: an uploaded file from import_chunks, a CLI file from its path. */
export function importBytes(
  db: DbOrTx,
  row: Pick<ImportRow, 'id' | 'storage' | 'filePath'>,
): AsyncIterable<Uint8Array> {
  if (row.storage === 'path') {
    if (!row.filePath) throw new AppError('import_file_missing', { reason: 'no path' });
    return fromFile(row.filePath);
  }
  return fromChunks(db, row.id);
}

/** The first `size` bytes of a stream (and whether that is the whole stream). */
export async function headOf(
  source: AsyncIterable<Uint8Array>,
  size: number,
): Promise<{ head: Uint8Array; complete: boolean }> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of source) {
    parts.push(chunk);
    length += chunk.length;
    if (length > size) {
      return { head: Buffer.concat(parts).subarray(0, size), complete: false };
    }
  }
  return { head: Buffer.concat(parts), complete: true };
}
