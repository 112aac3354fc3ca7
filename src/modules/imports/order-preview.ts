import type { Actor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import type { FileFormat } from './file-format.ts';
import type { ImportRow } from './import-loop.ts';
import { checkOrderMapping, ORDER_IMPORT_FIELDS, suggestOrderMapping } from './order-fields.ts';
import { authorizeOrderImport, loadOrderImportContext, type OrderImportOptions } from './order-import.ts';
import { compileOrderRowMapper, type OrderRow } from './order-map-row.ts';
import { planOrderBatch } from './order-plan.ts';
import type { CsvReader } from './read-csv.ts';

/**
 * Dry-run preview of an orders file: the suggested mapping and what would happen to its
 * first rows (create, skip as existing, reject with the reason). Reads only.
 */
export async function previewOrderRows(
  db: Db,
  actor: Actor,
  input: {
    row: ImportRow;
    reader: CsvReader;
    format: FileFormat;
    mapping?: Record<string, string> | undefined;
    options: OrderImportOptions;
    limit: number;
  },
) {
  authorizeOrderImport(actor, input.options);
  const { reader, row } = input;
  const suggestedMapping = suggestOrderMapping(reader.headers);
  const mapping = checkOrderMapping(input.mapping ?? suggestedMapping, reader.headers);
  const ctx = await loadOrderImportContext(db, actor, { importId: row.id, dryRun: true, options: input.options });
  const mapRow = compileOrderRowMapper(mapping, reader.headers, input.format.delimiter, {
    timeZone: ctx.timeZone,
    externalSystem: input.options.externalSystem ?? 'import',
  });
  const records: { line: number; fields: string[] }[] = [];
  const rows: OrderRow[] = [];
  for await (const r of reader.rows) {
    records.push(r);
    rows.push(mapRow(r.line, r.fields, r.ragged));
    if (records.length >= input.limit) break;
  }
  const plan = await planOrderBatch(db, ctx, rows);
  const outcomes = new Map(plan.outcomes.map((o) => [o.line, o]));
  return {
    suggestedMapping,
    mapping,
    fields: [...ORDER_IMPORT_FIELDS] as string[],
    rows: records.map((r) => {
      const o = outcomes.get(r.line);
      return {
        line: r.line,
        outcome: o?.action ?? ('reject' as const),
        reason: o?.reason ?? null,
        matchedBy: null,
        values: Object.fromEntries(reader.headers.map((h, i) => [h, r.fields[i] ?? ''])),
      };
    }),
  };
}
