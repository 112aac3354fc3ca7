import { z } from '@hono/zod-openapi';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import { validateInput } from '../customers/index.ts';
import { DELIMITERS, ENCODINGS } from './file-format.ts';
import { visibleImport } from './import-access.ts';
import { loadImportContext, ON_MATCH } from './import-context.ts';
import { checkMapping, IMPORT_FIELDS, suggestMapping } from './import-fields.ts';
import { importBytes } from './import-source.ts';
import { ON_DUPLICATE } from './lead-import.ts';
import { previewLeadRows } from './lead-preview.ts';
import { compileRowMapper, type RowResult } from './map-row.ts';
import { UNKNOWN_CUSTOMER, UNKNOWN_SKU } from './order-import.ts';
import { previewOrderRows } from './order-preview.ts';
import { planBatch } from './plan-batch.ts';
import { openCsv } from './read-csv.ts';
import { formatOf } from './run-import.ts';

export const PREVIEW_ROWS = 20;

export const previewInputSchema = z
  .object({
    mapping: z
      .record(z.string(), z.string())
      .optional()
      .openapi({ description: 'CSV header → field; omitted: the suggested mapping' }),
    onMatch: z.enum(ON_MATCH).default('update'),
    unknownCustomer: z.enum(UNKNOWN_CUSTOMER).optional().openapi({ description: 'Orders: a customer not found' }),
    unknownSku: z.enum(UNKNOWN_SKU).optional().openapi({ description: 'Orders: a SKU that is no product' }),
    onDuplicate: z.enum(ON_DUPLICATE).default('skip').openapi({ description: 'Leads: a lead already there' }),
    externalSystem: z
      .string()
      .regex(/^[a-z0-9_.-]{1,50}$/)
      .optional(),
    encoding: z.enum(ENCODINGS).optional().openapi({ description: 'Override the detected encoding' }),
    delimiter: z.enum(DELIMITERS).optional().openapi({ description: 'Override the detected delimiter' }),
  })
  .strict()
  .openapi('ImportPreviewInput');

export const previewSchema = z
  .object({
    encoding: z.enum(ENCODINGS),
    delimiter: z.enum(DELIMITERS),
    headers: z.array(z.string()),
    suggestedMapping: z.record(z.string(), z.string()),
    mapping: z.record(z.string(), z.string()),
    fields: z.array(z.string()),
    rows: z.array(
      z.object({
        line: z.number().int(),
        outcome: z.enum(['create', 'update', 'skip', 'reject']),
        reason: z.string().nullable(),
        matchedBy: z.string().nullable(),
        values: z.record(z.string(), z.string()),
      }),
    ),
  })
  .openapi('ImportPreview');
export type ImportPreview = z.infer<typeof previewSchema>;

/**
 * Dry-run preview of an uploaded file: detected encoding and delimiter, headers, the
 * suggested mapping and what would happen to the first 20 rows (create, update, skip or
 * reject with the reason). Reads only: nothing is written.
 */
export async function previewImport(db: Db, actor: Actor, importId: string, raw: unknown): Promise<ImportPreview> {
  const input = validateInput(previewInputSchema, raw ?? {});
  const row = await visibleImport(db, actor, importId);
  if (row.kind === 'customers') authorize(actor.principal, 'customers', 'create');
  const format = await formatOf(db, {
    ...row,
    encoding: input.encoding ?? row.encoding,
    delimiter: input.delimiter ?? row.delimiter,
  });
  const reader = await openCsv(importBytes(db, row), format);
  try {
    if (row.kind === 'orders') {
      const orders = await previewOrderRows(db, actor, {
        row,
        reader,
        format,
        mapping: input.mapping,
        options: {
          ...(input.unknownCustomer ? { unknownCustomer: input.unknownCustomer } : {}),
          ...(input.unknownSku ? { unknownSku: input.unknownSku } : {}),
          ...(input.externalSystem ? { externalSystem: input.externalSystem } : {}),
        },
        limit: PREVIEW_ROWS,
      });
      return { encoding: format.encoding, delimiter: format.delimiter, headers: reader.headers, ...orders };
    }
    if (row.kind === 'leads') {
      const leads = await previewLeadRows(db, actor, {
        reader,
        format,
        mapping: input.mapping,
        onDuplicate: input.onDuplicate,
        limit: PREVIEW_ROWS,
      });
      return { encoding: format.encoding, delimiter: format.delimiter, headers: reader.headers, ...leads };
    }
    const suggestedMapping = suggestMapping(reader.headers);
    const mapping = checkMapping(input.mapping ?? suggestedMapping, reader.headers);
    const mapRow = compileRowMapper(
      mapping,
      reader.headers,
      format.delimiter,
      String(row.options.externalSystem ?? 'import'),
    );
    const records: { line: number; fields: string[] }[] = [];
    const results: RowResult[] = [];
    for await (const r of reader.rows) {
      records.push(r);
      results.push(mapRow(r.line, r.fields, r.ragged));
      if (records.length >= PREVIEW_ROWS) break;
    }
    const ctx = await loadImportContext(db, actor, { importId, onMatch: input.onMatch, dryRun: true });
    const plan = await planBatch(db, ctx, results);
    const outcomes = new Map(plan.outcomes.map((o) => [o.line, o]));
    return {
      encoding: format.encoding,
      delimiter: format.delimiter,
      headers: reader.headers,
      suggestedMapping,
      mapping,
      fields: [...IMPORT_FIELDS],
      rows: records.map((r) => {
        const o = outcomes.get(r.line);
        return {
          line: r.line,
          outcome: o?.action ?? 'reject',
          reason: o?.reason ?? null,
          matchedBy: o?.matchedBy ?? null,
          values: Object.fromEntries(reader.headers.map((h, i) => [h, r.fields[i] ?? ''])),
        };
      }),
    };
  } finally {
    reader.close();
  }
}
