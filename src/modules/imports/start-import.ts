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
import { isLeadImportTarget } from './lead-fields.ts';
import { authorizeLeadImport, ON_DUPLICATE } from './lead-import.ts';
import { isOrderImportTarget } from './order-fields.ts';
import { authorizeOrderImport, type OrderImportOptions, UNKNOWN_CUSTOMER, UNKNOWN_SKU } from './order-import.ts';
import { imports } from './schema.ts';

/** The topic whose job runs an import (see jobs.ts). */
export const IMPORT_REQUESTED = 'imports.requested';

export const startImportSchema = z
  .object({
    mapping: z
      .record(z.string(), z.string())
      .refine(
        (m) =>
          Object.values(m).every(
            (t) => t === '' || isImportTarget(t) || isOrderImportTarget(t) || isLeadImportTarget(t),
          ),
        {
          message: 'every column goes to a known field (or "" to ignore it)',
          params: { th: 'ทุกคอลัมน์ต้องจับคู่กับช่องข้อมูลที่มีอยู่ (หรือ "" เพื่อข้าม)' },
        },
      ),
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
    unknownCustomer: z
      .enum(UNKNOWN_CUSTOMER)
      .default('create')
      .openapi({ description: 'Orders: a customer not found becomes a new profile, or its rows are rejected' }),
    unknownSku: z
      .enum(UNKNOWN_SKU)
      .default('keep')
      .openapi({ description: 'Orders: a SKU that is no product is kept as text, or its order is rejected' }),
    onDuplicate: z
      .enum(ON_DUPLICATE)
      .default('skip')
      .openapi({ description: 'Leads: a row whose email or phone is already on a lead is skipped, or created anyway' }),
    source: z
      .enum(['web', 'pos', 'line', 'manual', 'import', 'api'])
      .optional()
      .openapi({ description: 'Orders: their source when no column says (default import)' }),
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
  const input = validateInput(startImportSchema, raw);
  return db.transaction(async (tx) => {
    const before = await visibleImport(tx, actor, id, true);
    const orderOptions: OrderImportOptions = {
      unknownCustomer: input.unknownCustomer,
      unknownSku: input.unknownSku,
      ...(input.externalSystem ? { externalSystem: input.externalSystem } : {}),
      ...(input.source ? { source: input.source } : {}),
    };
    if (before.kind === 'orders') authorizeOrderImport(actor, orderOptions);
    else if (before.kind === 'leads') authorizeLeadImport(actor);
    else {
      authorize(actor.principal, 'customers', 'create');
      if (input.onMatch === 'update') authorize(actor.principal, 'customers', 'update');
    }
    if (before.status !== 'pending') throw new AppError('import_not_pending', { status: before.status });
    const mapping = Object.fromEntries(Object.entries(input.mapping).filter(([, t]) => t !== ''));
    const [row] = await tx
      .update(imports)
      .set({
        status: 'running',
        mapping,
        dryRun: input.dryRun,
        options:
          before.kind === 'orders'
            ? { ...orderOptions }
            : before.kind === 'leads'
              ? { onDuplicate: input.onDuplicate }
              : { onMatch: input.onMatch, ...(input.externalSystem ? { externalSystem: input.externalSystem } : {}) },
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
