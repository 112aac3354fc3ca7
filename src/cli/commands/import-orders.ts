import { systemActor } from '../../core/auth/principal.ts';
import {
  defaultBatchSize,
  type ImportProgress,
  type OrderImportOptions,
  suggestOrderMapping,
  UNKNOWN_CUSTOMER,
  UNKNOWN_SKU,
} from '../../modules/imports/index.ts';
import { ORDER_SOURCES } from '../../modules/orders/index.ts';
import { UsageError } from '../cli-error.ts';
import { configFrom } from '../cli-options.ts';
import { withDatabase } from '../open-for-cli.ts';
import { choose, n, reportImport, runWithProgress } from './import-file-run.ts';
import { parseFileImportArgs } from './parse-file-import-args.ts';
import { startFileImport } from './start-file-import.ts';

export const importOrdersHelp = `sampan import orders FILE [--mapping NAME|FILE.json] [--dry-run] [--unknown-customer create|reject]
                     [--unknown-sku keep|reject] [--external-system SYS] [--source import|pos|web|line|manual|api]
                     [--encoding utf-8|windows-874] [--delimiter ,|;|tab] [--no-resume]
  Imports orders from a CSV file: customer (id, email or phone), order date, order id,
  amount in baht, currency, quantity, product, SKU, status. Rows with the same order id
  are the lines of one order (keep them together in the file); rows without one are each an
  order. Customers are found by the same identity rules as customer imports; unknown ones
  become new profiles (or are rejected). Without --mapping the columns are mapped from their
  Thai or English headers. Progress goes to stderr; rejected rows go to FILE.rejected.csv.
  Importing the same file again skips orders that exist with the same content.`;

/** `sampan import orders` arguments: the common ones, and what to do with unknown customers and SKUs. */
export function parseImportOrdersArgs(args: string[]) {
  const parsed = parseFileImportArgs(args, 'orders', {
    'unknown-customer': { type: 'string' },
    'unknown-sku': { type: 'string' },
    'external-system': { type: 'string' },
    source: { type: 'string' },
  });
  if (parsed.help) return parsed;
  const { values } = parsed;
  const system = values['external-system'];
  if (system !== undefined && !/^[a-z0-9_.-]{1,50}$/.test(system))
    throw new UsageError('--external-system must be 1–50 of a-z 0-9 _ . -');
  const options: OrderImportOptions = {};
  const unknownCustomer = choose('unknown-customer', values['unknown-customer'], UNKNOWN_CUSTOMER);
  const unknownSku = choose('unknown-sku', values['unknown-sku'], UNKNOWN_SKU);
  const source = choose('source', values.source, ORDER_SOURCES);
  if (unknownCustomer) options.unknownCustomer = unknownCustomer;
  if (unknownSku) options.unknownSku = unknownSku;
  if (system) options.externalSystem = system;
  if (source) options.source = source;
  return { ...parsed, options };
}

function progressLine(p: ImportProgress): string {
  return `  ${n(p.processed)} rows  ${n(p.rowsPerSecond)} rows/s  created ${n(p.created)}  skipped ${n(p.skipped)}  rejected ${n(p.rejected)}`;
}

export async function importOrdersCommand(args: string[]): Promise<number> {
  const parsed = parseImportOrdersArgs(args);
  if (parsed.help) {
    console.log(importOrdersHelp);
    return 0;
  }
  const actor = systemActor('cli');
  return withDatabase(configFrom(parsed.values), async (database) => {
    const { db } = database;
    const importId = await startFileImport(db, actor, 'orders', parsed, suggestOrderMapping);
    const done = await runWithProgress(
      db,
      actor,
      importId,
      parsed.batchSize ?? defaultBatchSize(database.kind),
      progressLine,
    );
    return reportImport(
      db,
      actor,
      importId,
      parsed.file,
      done,
      `${parsed.dryRun ? 'Dry run' : 'Import'} ${done.status}: ${n(done.processed)} rows — ${n(done.created)} order lines created, ${n(done.skipped)} skipped (orders already there), ${n(done.rejected)} rejected (import ${importId}).`,
    );
  });
}
