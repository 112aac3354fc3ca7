import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { Db, DbOrTx } from '../../core/db/database.ts';
import { AppError, isAppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { type Delimiter, detectFormat, type Encoding, type FileFormat, SAMPLE_BYTES } from './file-format.ts';
import { headOf, importBytes } from './import-source.ts';
import { openCsv } from './read-csv.ts';
import { imports } from './schema.ts';

export type ImportRow = typeof imports.$inferSelect;

export interface ImportProgress {
  status: string;
  processed: number;
  created: number;
  updated: number;
  skipped: number;
  rejected: number;
  committedLine: number;
  rowsPerSecond: number;
}

export interface RunImportOptions {
  /** Rows per transaction (default 2,000; see defaultBatchSize). */
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** Test hook: return after this many committed batches, as if the process had died. */
  stopAfterBatches?: number;
}

/** What one batch did to its rows (each row counts once). */
export interface BatchCounts {
  created: number;
  updated: number;
  skipped: number;
  rejected: number;
}

/**
 * What a kind of import (customers, orders) does with its rows; the loop does the rest.
 * `T` is a mapped row (or its rejection).
 */
export interface ImportHandler<T> {
  /** Maps a CSV record; must not touch the database. */
  mapRow(line: number, cells: string[], ragged: boolean): T;
  /** Work on a mapped row that needs no database, done while the previous batch is written. */
  prepare?(item: T): void;
  /**
   * Rows with the same defined key are never split between two batches (a batch that is
   * full grows until the key changes): the lines of one order stay in one transaction.
   */
  groupKey?(item: T): string | undefined;
  /** Plans and writes one batch in the caller's transaction (the imports row is locked). */
  writeBatch(tx: DbOrTx, batch: T[]): Promise<BatchCounts>;
}

/** A kind of import: who may run it, and its handler for one run. */
export interface ImportKind<T> {
  authorize(actor: Actor, row: ImportRow): void;
  open(
    db: Db,
    actor: Actor,
    input: { row: ImportRow; headers: string[]; format: FileFormat },
  ): Promise<ImportHandler<T>>;
}

const FINISHED = new Set(['completed', 'cancelled']);

/** The file format of an import: detected once from its first bytes, stored choices win. */
export async function formatOf(db: Db, row: ImportRow): Promise<FileFormat> {
  const { head, complete } = await headOf(importBytes(db, row), SAMPLE_BYTES);
  return detectFormat(head, complete, {
    encoding: (row.encoding ?? undefined) as Encoding | undefined,
    delimiter: (row.delimiter ?? undefined) as Delimiter | undefined,
  });
}

function progressOf(row: ImportRow, started: number, processedAtStart: number): ImportProgress {
  const seconds = (performance.now() - started) / 1000;
  return {
    status: row.status,
    processed: row.processedRows,
    created: row.createdRows,
    updated: row.updatedRows,
    skipped: row.skippedRows,
    rejected: row.rejectedRows,
    committedLine: row.committedLine,
    rowsPerSecond: seconds > 0 ? Math.round((row.processedRows - processedAtStart) / seconds) : 0,
  };
}

/**
 * Runs (or resumes) an import of any kind: streams its file, maps each row (the kind's
 * handler) and writes each batch — the kind's records, rejected rows and the import's
 * progress — in ONE transaction with the imports row locked. A crash loses at most the
 * batch in flight; running again resumes after the last committed line without writing a
 * row twice. Cancelling stops before the next batch. Finishes with one audit entry and one
 * imports.completed event.
 */
export async function runImportLoop<T>(
  db: Db,
  actor: Actor,
  importId: string,
  kindOf: (row: ImportRow) => ImportKind<T>,
  options: RunImportOptions = {},
): Promise<ImportProgress> {
  const [row] = await db.select().from(imports).where(eq(imports.id, importId));
  if (!row) throw new AppError('not_found');
  const kind = kindOf(row);
  kind.authorize(actor, row);
  if (FINISHED.has(row.status)) throw new AppError('import_finished', { status: row.status });
  const started = performance.now();
  const processedAtStart = row.processedRows;
  try {
    const format = await formatOf(db, row);
    const [running] = await db
      .update(imports)
      .set({
        status: 'running',
        encoding: format.encoding,
        delimiter: format.delimiter,
        startedAt: row.startedAt ?? new Date(),
        heartbeatAt: new Date(),
        error: null,
      })
      .where(eq(imports.id, importId))
      .returning();
    let current = running ?? row;
    const reader = await openCsv(importBytes(db, row), format);
    try {
      const handler = await kind.open(db, actor, { row, headers: reader.headers, format });
      const batchSize = options.batchSize ?? 2000;
      let batches = 0;
      let stopped = false;
      const commit = async (batch: T[], lastLine: number): Promise<void> => {
        const next = await db.transaction(async (tx) => {
          const [locked] = await tx.select().from(imports).where(eq(imports.id, importId)).for('update');
          if (!locked || locked.status === 'cancelled') return locked;
          if (locked.committedLine !== current.committedLine) {
            throw new Error(`import ${importId} is being run elsewhere (committed line moved)`);
          }
          const counts = await handler.writeBatch(tx, batch);
          const [after] = await tx
            .update(imports)
            .set({
              processedRows: sql`${imports.processedRows} + ${batch.length}`,
              createdRows: sql`${imports.createdRows} + ${counts.created}`,
              updatedRows: sql`${imports.updatedRows} + ${counts.updated}`,
              skippedRows: sql`${imports.skippedRows} + ${counts.skipped}`,
              rejectedRows: sql`${imports.rejectedRows} + ${counts.rejected}`,
              committedLine: lastLine,
              heartbeatAt: new Date(),
            })
            .where(eq(imports.id, importId))
            .returning();
          return after;
        });
        if (!next) throw new AppError('not_found');
        current = next;
        batches++;
        options.onProgress?.(progressOf(current, started, processedAtStart));
        if (current.status === 'cancelled') stopped = true;
        if (options.stopAfterBatches !== undefined && batches >= options.stopAfterBatches) stopped = true;
      };
      let batch: T[] = [];
      let lastLine = 0;
      let lastKey: string | undefined;
      let inFlight: Promise<void> | undefined;
      const flush = async (): Promise<boolean> => {
        await inFlight;
        if (stopped) return false;
        inFlight = commit(batch, lastLine);
        // Awaited before the next batch; until then a failure must not count as unhandled.
        inFlight.catch(() => {});
        batch = [];
        return true;
      };
      const grouped = handler.groupKey !== undefined;
      // Parse and check the next batch while the database writes the previous one.
      for await (const record of reader.rows) {
        if (record.line <= row.committedLine) continue;
        const mapped = handler.mapRow(record.line, record.fields, record.ragged);
        handler.prepare?.(mapped);
        if (grouped && batch.length >= batchSize) {
          // A full batch is cut before the first row that does not continue its last group.
          const key = handler.groupKey?.(mapped);
          if ((key === undefined || key !== lastKey) && !(await flush())) break;
          lastKey = key;
        } else if (grouped) {
          lastKey = handler.groupKey?.(mapped);
        }
        batch.push(mapped);
        lastLine = record.line;
        if (!grouped && batch.length >= batchSize && !(await flush())) break;
      }
      await inFlight;
      if (!stopped && batch.length) await commit(batch, lastLine);
      if (stopped) return progressOf(current, started, processedAtStart);
    } finally {
      reader.close();
    }
    const done = await finishImport(db, actor, importId);
    const progress = progressOf(done, started, processedAtStart);
    options.onProgress?.(progress);
    return progress;
  } catch (err) {
    if (isAppError(err)) {
      await db
        .update(imports)
        .set({ status: 'failed', error: err.message, finishedAt: new Date() })
        .where(eq(imports.id, importId));
    }
    throw err;
  }
}

/** Marks an import completed with one audit entry and one imports.completed event. */
async function finishImport(db: Db, actor: Actor, importId: string): Promise<ImportRow> {
  return db.transaction(async (tx) => {
    const [done] = await tx
      .update(imports)
      .set({
        status: 'completed',
        finishedAt: new Date(),
        totalRows: sql`${imports.processedRows}`,
        heartbeatAt: new Date(),
      })
      .where(eq(imports.id, importId))
      .returning();
    if (!done) throw new AppError('not_found');
    const counts = {
      processed: done.processedRows,
      created: done.createdRows,
      updated: done.updatedRows,
      skipped: done.skippedRows,
      rejected: done.rejectedRows,
    };
    await recordAudit(tx, actor, {
      entityType: 'import',
      entityId: importId,
      action: done.dryRun ? 'dry_run' : 'import',
      changes: Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, { before: null, after: v }])),
    });
    await emitEvent(tx, {
      topic: 'imports.completed',
      aggregateType: 'import',
      aggregateId: importId,
      payload: { kind: done.kind, dryRun: done.dryRun, fileName: done.fileName, ...counts },
    });
    return done;
  });
}
