import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { getSettings } from '../../core/settings/get-settings.ts';
import { loadImportContext } from './import-context.ts';
import type { ImportKind, ImportRow } from './import-loop.ts';
import { checkOrderMapping } from './order-fields.ts';
import { compileOrderRowMapper, type OrderRow } from './order-map-row.ts';
import { type OrderImportContext, planOrderBatch } from './order-plan.ts';
import { writeOrderBatch } from './order-write.ts';

/** Choices of an orders import (stored in imports.options). */
export interface OrderImportOptions {
  unknownCustomer?: 'create' | 'reject';
  unknownSku?: 'keep' | 'reject';
  /** System of the customerExternalId column (default 'import'). */
  externalSystem?: string;
  /** Source of the orders when no source column says (default 'import'). */
  source?: string;
}

export const UNKNOWN_CUSTOMER = ['create', 'reject'] as const;
export const UNKNOWN_SKU = ['keep', 'reject'] as const;

const optionsOf = (row: Pick<ImportRow, 'options'>) => row.options as OrderImportOptions;

/** Orders need sales:create; creating customers for unknown identifiers needs customers:create too. */
export function authorizeOrderImport(actor: Actor, options: OrderImportOptions): void {
  authorize(actor.principal, 'sales', 'create');
  if ((options.unknownCustomer ?? 'create') === 'create') authorize(actor.principal, 'customers', 'create');
}

/** Everything a batch of this import needs besides its rows. */
export async function loadOrderImportContext(
  db: DbOrTx,
  actor: Actor,
  input: { importId: string; dryRun: boolean; options: OrderImportOptions },
): Promise<OrderImportContext & { timeZone: string }> {
  const base = await loadImportContext(db, actor, { importId: input.importId, onMatch: 'skip', dryRun: input.dryRun });
  const settings = await getSettings(db);
  return {
    ...base,
    currency: settings.currency,
    timeZone: settings.timeZone,
    source: input.options.source ?? 'import',
    unknownCustomer: input.options.unknownCustomer ?? 'create',
    unknownSku: input.options.unknownSku ?? 'keep',
  };
}

/**
 * Orders imports on the generic loop: rows mapped before the transaction, the lines of one
 * order (same order id) kept in one batch, each batch planned and written set-based.
 */
export const orderImportKind: ImportKind<OrderRow> = {
  authorize(actor, row) {
    authorizeOrderImport(actor, optionsOf(row));
  },
  async open(db, actor, { row, headers, format }) {
    const options = optionsOf(row);
    const mapping = checkOrderMapping(row.mapping, headers);
    const ctx = await loadOrderImportContext(db, actor, { importId: row.id, dryRun: row.dryRun, options });
    const mapRow = compileOrderRowMapper(mapping, headers, format.delimiter, {
      timeZone: ctx.timeZone,
      externalSystem: options.externalSystem ?? 'import',
    });
    return {
      mapRow,
      groupKey: (r) => (r.orderId === undefined ? undefined : `${r.source ?? ctx.source}\u0000${r.orderId}`),
      async writeBatch(tx, batch) {
        const plan = await planOrderBatch(tx, ctx, batch, { outcomes: false });
        await writeOrderBatch(
          tx,
          { importId: row.id, dryRun: row.dryRun, owner: ctx.defaultOwner, actorUserId: actor.principal.userId },
          plan,
        );
        return plan.counts;
      },
    };
  },
};
