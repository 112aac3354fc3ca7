import { sql } from 'drizzle-orm';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { importLeadBatch, type LeadBatchOutcome, ON_DUPLICATE, type OnDuplicate } from '../leads/index.ts';
import type { BatchCounts, ImportKind, ImportRow } from './import-loop.ts';
import { checkLeadMapping } from './lead-fields.ts';
import { compileLeadRowMapper, type LeadRow, leadReasonOf } from './lead-map-row.ts';
import { importRejections } from './schema.ts';

/** Choices of a leads import (stored in imports.options). */
export interface LeadImportOptions {
  /** A row whose email or phone is already on a lead (or earlier in the file): skip it (default) or create it anyway. */
  onDuplicate?: OnDuplicate;
}

export { ON_DUPLICATE };

export const leadOptionsOf = (row: Pick<ImportRow, 'options'>): Required<LeadImportOptions> => ({
  onDuplicate: (row.options as LeadImportOptions).onDuplicate ?? 'skip',
});

/** Leads imports need sales:create, like entering a lead. */
export function authorizeLeadImport(actor: Actor): void {
  authorize(actor.principal, 'sales', 'create');
}

/**
 * Plans and writes one batch: rows that failed their checks are rejected with their
 * reasons, the rest go to the leads module (owners, duplicates, assignment, scoring).
 */
export async function planLeadBatch(
  tx: DbOrTx,
  actor: Actor,
  batch: LeadRow[],
  options: { dryRun: boolean; onDuplicate: OnDuplicate },
): Promise<{ outcomes: (LeadBatchOutcome & { raw: () => string })[]; counts: BatchCounts }> {
  const good = batch.flatMap((r) => (r.lead ? [{ line: r.line, lead: r.lead }] : []));
  const written = new Map((await importLeadBatch(tx, actor, good, options)).map((o) => [o.line, o]));
  const outcomes = batch.map((r) => {
    const o = written.get(r.line);
    return o
      ? { ...o, raw: r.raw }
      : { line: r.line, action: 'reject' as const, reason: leadReasonOf(r.errors), leadId: null, raw: r.raw };
  });
  const counts: BatchCounts = { created: 0, updated: 0, skipped: 0, rejected: 0 };
  for (const o of outcomes) {
    if (o.action === 'create') counts.created++;
    else if (o.action === 'skip') counts.skipped++;
    else counts.rejected++;
  }
  return { outcomes, counts };
}

/** Leads imports on the generic loop: rows mapped and checked before the transaction, each batch written set-based. */
export const leadImportKind: ImportKind<LeadRow> = {
  authorize(actor) {
    authorizeLeadImport(actor);
  },
  async open(_db, actor, { row, headers, format }) {
    const mapping = checkLeadMapping(row.mapping, headers);
    const mapRow = compileLeadRowMapper(mapping, headers, format.delimiter);
    const { onDuplicate } = leadOptionsOf(row);
    return {
      mapRow,
      async writeBatch(tx, batch) {
        const { outcomes, counts } = await planLeadBatch(tx, actor, batch, { dryRun: row.dryRun, onDuplicate });
        const rejected = outcomes
          .filter((o) => o.action === 'reject')
          .map((o) => ({ import_id: row.id, line: o.line, reason: o.reason ?? '', raw: o.raw() }));
        if (rejected.length) {
          await tx.execute(sql`insert into ${importRejections} (import_id, line, reason, raw)
            select import_id, line, reason, raw
            from jsonb_populate_recordset(null::${importRejections}, ${JSON.stringify(rejected)}::jsonb)
            on conflict do nothing`);
        }
        return counts;
      },
    };
  },
};
