import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import { loadImportContext, type OnMatch } from './import-context.ts';
import { checkMapping } from './import-fields.ts';
import {
  type ImportKind,
  type ImportProgress,
  type ImportRow,
  type RunImportOptions,
  runImportLoop,
} from './import-loop.ts';
import { leadImportKind } from './lead-import.ts';
import { compileRowMapper, type RowResult } from './map-row.ts';
import { orderImportKind } from './order-import.ts';
import { planBatch, prepareRow } from './plan-batch.ts';
import { writeBatch } from './write-batch.ts';

export { formatOf, type ImportProgress, type RunImportOptions } from './import-loop.ts';

/**
 * Rows per transaction: PostgreSQL takes 10,000 (the per-batch lookups and statements
 * amortise; other sessions keep working meanwhile); PGlite has one connection that a
 * transaction holds, so its batches stay short.
 */
export function defaultBatchSize(kind: 'pglite' | 'postgres'): number {
  return kind === 'postgres' ? 10_000 : 2000;
}

const onMatchOf = (row: ImportRow) => (row.options.onMatch as OnMatch | undefined) ?? 'update';

/**
 * Customer imports: each row mapped and validated, identities resolved in bulk per batch
 * (planBatch), customers, identifiers and rejected rows written set-based (writeBatch).
 */
export const customerImportKind: ImportKind<RowResult> = {
  authorize(actor, row) {
    authorize(actor.principal, 'customers', 'create');
    if (onMatchOf(row) === 'update') authorize(actor.principal, 'customers', 'update');
  },
  async open(db, actor, { row, headers, format }) {
    const onMatch = onMatchOf(row);
    const mapping = checkMapping(row.mapping, headers);
    const mapRow = compileRowMapper(mapping, headers, format.delimiter, String(row.options.externalSystem ?? 'import'));
    const ctx = await loadImportContext(db, actor, { importId: row.id, onMatch, dryRun: row.dryRun });
    return {
      mapRow,
      prepare: (mapped) => {
        if (mapped.ok) prepareRow(mapped.row);
      },
      async writeBatch(tx, batch) {
        const plan = await planBatch(tx, ctx, batch);
        await writeBatch(tx, row.id, plan, row.dryRun);
        return plan.counts;
      },
    };
  },
};

/**
 * Runs (or resumes) an import of customers or orders (by the import's kind) on the one
 * streaming loop of import-loop.ts: batches in transactions, resumable, cancellable.
 */
export async function runImport(
  db: Db,
  actor: Actor,
  importId: string,
  options: RunImportOptions = {},
): Promise<ImportProgress> {
  return runImportLoop<unknown>(
    db,
    actor,
    importId,
    (row) =>
      (row.kind === 'orders'
        ? orderImportKind
        : row.kind === 'leads'
          ? leadImportKind
          : customerImportKind) as ImportKind<unknown>,
    options,
  );
}
