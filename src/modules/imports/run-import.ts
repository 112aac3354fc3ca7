import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import { AppError, isAppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { type Delimiter, detectFormat, type Encoding, type FileFormat, SAMPLE_BYTES } from './file-format.ts';
import { loadImportContext, type OnMatch } from './import-context.ts';
import { checkMapping } from './import-fields.ts';
import { headOf, importBytes } from './import-source.ts';
import { compileRowMapper, type RowResult } from './map-row.ts';
import { planBatch, prepareRow } from './plan-batch.ts';
import { openCsv } from './read-csv.ts';
import { imports } from './schema.ts';
import { writeBatch } from './write-batch.ts';

type ImportRow = typeof imports.$inferSelect;

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

const FINISHED = new Set(['completed', 'cancelled']);

/**
 * Rows per transaction: PostgreSQL takes 10,000 (the per-batch lookups and statements
 * amortise; other sessions keep working meanwhile); PGlite has one connection that a
 * transaction holds, so its batches stay short.
 */
export function defaultBatchSize(kind: 'pglite' | 'postgres'): number {
  return kind === 'postgres' ? 10_000 : 2000;
}

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
 * Runs (or resumes) an import: streams its file, maps and validates each row, resolves
 * identities in bulk per batch and writes each batch — customers, identifiers, rejected
 * rows and the import's progress — in ONE transaction. A crash loses at most the batch in
 * flight; running again resumes after the last committed line without writing a row twice.
 */
export async function runImport(
  db: Db,
  actor: Actor,
  importId: string,
  options: RunImportOptions = {},
): Promise<ImportProgress> {
  authorize(actor.principal, 'customers', 'create');
  const [row] = await db.select().from(imports).where(eq(imports.id, importId));
  if (!row) throw new AppError('not_found');
  if (FINISHED.has(row.status)) throw new AppError('import_finished', { status: row.status });
  const onMatch = (row.options.onMatch as OnMatch | undefined) ?? 'update';
  if (onMatch === 'update') authorize(actor.principal, 'customers', 'update');
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
      const mapping = checkMapping(row.mapping, reader.headers);
      const mapRow = compileRowMapper(
        mapping,
        reader.headers,
        format.delimiter,
        String(row.options.externalSystem ?? 'import'),
      );
      const ctx = await loadImportContext(db, actor, { importId, onMatch, dryRun: row.dryRun });
      const batchSize = options.batchSize ?? 2000;
      let batches = 0;
      let stopped = false;
      const commit = async (batch: RowResult[], lastLine: number): Promise<void> => {
        const next = await db.transaction(async (tx) => {
          const [locked] = await tx.select().from(imports).where(eq(imports.id, importId)).for('update');
          if (!locked || locked.status === 'cancelled') return locked;
          if (locked.committedLine !== current.committedLine) {
            throw new Error(`import ${importId} is being run elsewhere (committed line moved)`);
          }
          const plan = await planBatch(tx, ctx, batch);
          await writeBatch(tx, importId, plan, row.dryRun);
          const [after] = await tx
            .update(imports)
            .set({
              processedRows: sql`${imports.processedRows} + ${batch.length}`,
              createdRows: sql`${imports.createdRows} + ${plan.counts.created}`,
              updatedRows: sql`${imports.updatedRows} + ${plan.counts.updated}`,
              skippedRows: sql`${imports.skippedRows} + ${plan.counts.skipped}`,
              rejectedRows: sql`${imports.rejectedRows} + ${plan.counts.rejected}`,
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
      let batch: RowResult[] = [];
      let lastLine = 0;
      let inFlight: Promise<void> | undefined;
      // Parse and check the next batch while the database writes the previous one.
      for await (const record of reader.rows) {
        if (record.line <= row.committedLine) continue;
        const mapped = mapRow(record.line, record.fields, record.ragged);
        if (mapped.ok) prepareRow(mapped.row);
        batch.push(mapped);
        lastLine = record.line;
        if (batch.length >= batchSize) {
          await inFlight;
          if (stopped) break;
          inFlight = commit(batch, lastLine);
          // Awaited before the next batch; until then a failure must not count as unhandled.
          inFlight.catch(() => {});
          batch = [];
        }
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
