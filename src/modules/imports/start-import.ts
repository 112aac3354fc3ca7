import { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { validateInput } from '../customers/index.ts';
import { DELIMITERS, ENCODINGS } from './file-format.ts';
import { visibleImport } from './import-access.ts';
import { ON_MATCH } from './import-context.ts';
import { isImportTarget } from './import-fields.ts';
import { type ImportView, toImportView } from './import-view.ts';
import { imports } from './schema.ts';

/** The topic whose job runs an import (see jobs.ts). */
export const IMPORT_REQUESTED = 'imports.requested';

export const startImportSchema = z
  .object({
    mapping: z
      .record(z.string(), z.string())
      .refine((m) => Object.values(m).every((t) => t === '' || isImportTarget(t)), {
        message: 'every column goes to a known field (or "" to ignore it)',
        params: { th: 'ทุกคอลัมน์ต้องจับคู่กับช่องข้อมูลที่มีอยู่ (หรือ "" เพื่อข้าม)' },
      }),
    onMatch: z
      .enum(ON_MATCH)
      .default('update')
      .openapi({ description: 'What a row matching an existing customer does' }),
    dryRun: z.boolean().default(false),
    encoding: z.enum(ENCODINGS).optional(),
    delimiter: z.enum(DELIMITERS).optional(),
    externalSystem: z
      .string()
      .regex(/^[a-z0-9_.-]{1,50}$/)
      .optional()
      .openapi({ description: 'Source system of an externalId column without its own system column' }),
  })
  .strict()
  .openapi('StartImport');
export type StartImportInput = z.input<typeof startImportSchema>;

/**
 * Starts an uploaded import: stores the mapping and options and requests the run through
 * the outbox, so a worker runs it as a durable job (retried, and resumed from the last
 * committed batch, if a worker dies). The mapping is checked against the file by the run.
 */
export async function startImport(db: Db, actor: Actor, id: string, raw: StartImportInput): Promise<ImportView> {
  authorize(actor.principal, 'customers', 'create');
  const input = validateInput(startImportSchema, raw);
  if (input.onMatch === 'update') authorize(actor.principal, 'customers', 'update');
  return db.transaction(async (tx) => {
    const before = await visibleImport(tx, actor, id, true);
    if (before.status !== 'pending') throw new AppError('import_not_pending', { status: before.status });
    const mapping = Object.fromEntries(Object.entries(input.mapping).filter(([, t]) => t !== ''));
    const [row] = await tx
      .update(imports)
      .set({
        status: 'running',
        mapping,
        dryRun: input.dryRun,
        options: { onMatch: input.onMatch, ...(input.externalSystem ? { externalSystem: input.externalSystem } : {}) },
        encoding: input.encoding ?? before.encoding,
        delimiter: input.delimiter ?? before.delimiter,
        startedAt: new Date(),
        heartbeatAt: new Date(),
      })
      .where(eq(imports.id, id))
      .returning();
    if (!row) throw new AppError('not_found');
    await recordAudit(tx, actor, {
      entityType: 'import',
      entityId: id,
      action: 'start',
      after: { mapping, onMatch: input.onMatch, dryRun: input.dryRun },
    });
    await emitEvent(tx, {
      topic: IMPORT_REQUESTED,
      aggregateType: 'import',
      aggregateId: id,
      payload: { importId: id, actorUserId: actor.principal.userId },
    });
    return toImportView(row);
  });
}
