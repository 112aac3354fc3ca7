import type { Actor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import type { OnDuplicate } from '../leads/index.ts';
import type { FileFormat } from './file-format.ts';
import { checkLeadMapping, LEAD_IMPORT_FIELDS, suggestLeadMapping } from './lead-fields.ts';
import { authorizeLeadImport, planLeadBatch } from './lead-import.ts';
import { compileLeadRowMapper, type LeadRow } from './lead-map-row.ts';
import type { CsvReader } from './read-csv.ts';

/**
 * Dry-run preview of a leads file: the suggested mapping and what would happen to its
 * first rows (create, skip as a duplicate, reject with the reason). Reads only.
 */
export async function previewLeadRows(
  db: Db,
  actor: Actor,
  input: {
    reader: CsvReader;
    format: FileFormat;
    mapping?: Record<string, string> | undefined;
    onDuplicate: OnDuplicate;
    limit: number;
  },
) {
  authorizeLeadImport(actor);
  const { reader } = input;
  const suggestedMapping = suggestLeadMapping(reader.headers);
  const mapping = checkLeadMapping(input.mapping ?? suggestedMapping, reader.headers);
  const mapRow = compileLeadRowMapper(mapping, reader.headers, input.format.delimiter);
  const records: { line: number; fields: string[] }[] = [];
  const rows: LeadRow[] = [];
  for await (const r of reader.rows) {
    records.push(r);
    rows.push(mapRow(r.line, r.fields, r.ragged));
    if (records.length >= input.limit) break;
  }
  const { outcomes } = await planLeadBatch(db, actor, rows, { dryRun: true, onDuplicate: input.onDuplicate });
  const byLine = new Map(outcomes.map((o) => [o.line, o]));
  return {
    suggestedMapping,
    mapping,
    fields: [...LEAD_IMPORT_FIELDS] as string[],
    rows: records.map((r) => {
      const o = byLine.get(r.line);
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
