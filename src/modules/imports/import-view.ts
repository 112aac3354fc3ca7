import { z } from '@hono/zod-openapi';
import type { imports } from './schema.ts';

type ImportRow = typeof imports.$inferSelect;

export const importViewSchema = z
  .object({
    id: z.string().uuid(),
    kind: z.string(),
    status: z.enum(['pending', 'running', 'completed', 'failed', 'cancelled']).or(z.string()),
    dryRun: z.boolean(),
    fileName: z.string(),
    fileSize: z.number().int(),
    fileSha256: z.string().nullable(),
    encoding: z.string().nullable(),
    delimiter: z.string().nullable(),
    mapping: z.record(z.string(), z.string()),
    options: z.record(z.string(), z.unknown()),
    totalRows: z.number().int().nullable(),
    processedRows: z.number().int(),
    createdRows: z.number().int(),
    updatedRows: z.number().int(),
    skippedRows: z.number().int(),
    rejectedRows: z.number().int(),
    committedLine: z.number().int(),
    error: z.string().nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    heartbeatAt: z.string().nullable(),
  })
  .openapi('Import');
export type ImportView = z.infer<typeof importViewSchema>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toImportView(row: ImportRow): ImportView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    dryRun: row.dryRun,
    fileName: row.fileName,
    fileSize: row.fileSize,
    fileSha256: row.fileSha256,
    encoding: row.encoding,
    delimiter: row.delimiter,
    mapping: row.mapping,
    options: row.options,
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    createdRows: row.createdRows,
    updatedRows: row.updatedRows,
    skippedRows: row.skippedRows,
    rejectedRows: row.rejectedRows,
    committedLine: row.committedLine,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
    heartbeatAt: iso(row.heartbeatAt),
  };
}
