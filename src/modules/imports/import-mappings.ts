import { z } from '@hono/zod-openapi';
import { and, asc, eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { Db, DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { validateInput } from '../customers/index.ts';
import { IMPORT_KINDS } from './create-import.ts';
import { ON_MATCH } from './import-context.ts';
import { isImportTarget } from './import-fields.ts';
import { isLeadImportTarget } from './lead-fields.ts';
import { ON_DUPLICATE } from './lead-import.ts';
import { isOrderImportTarget } from './order-fields.ts';
import { UNKNOWN_CUSTOMER, UNKNOWN_SKU } from './order-import.ts';
import { importMappings } from './schema.ts';

type MappingRow = typeof importMappings.$inferSelect;

export const saveMappingSchema = z
  .object({
    kind: z.enum(IMPORT_KINDS).default('customers'),
    name: z.string().trim().min(1).max(100),
    mapping: z
      .record(z.string().max(200), z.string())
      .refine((m) => Object.keys(m).length > 0 && Object.keys(m).length <= 200, {
        message: 'between 1 and 200 columns',
        params: { th: 'ต้องมี 1 ถึง 200 คอลัมน์' },
      })
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
    options: z
      .object({
        onMatch: z.enum(ON_MATCH).optional(),
        externalSystem: z.string().max(50).optional(),
        unknownCustomer: z.enum(UNKNOWN_CUSTOMER).optional(),
        unknownSku: z.enum(UNKNOWN_SKU).optional(),
        onDuplicate: z.enum(ON_DUPLICATE).optional(),
      })
      .strict()
      .default({}),
  })
  .strict()
  .openapi('SaveImportMapping');

export const mappingViewSchema = z
  .object({
    id: z.string().uuid(),
    kind: z.string(),
    name: z.string(),
    mapping: z.record(z.string(), z.string()),
    options: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
  })
  .openapi('ImportMapping');
export type MappingView = z.infer<typeof mappingViewSchema>;

function toView(r: MappingRow): MappingView {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    mapping: r.mapping,
    options: r.options,
    createdAt: r.createdAt.toISOString(),
  };
}

/** Saved column mappings ("templates"), shared by everyone who imports. */
export async function listMappings(db: DbOrTx, actor: Actor, kind = 'customers'): Promise<MappingView[]> {
  authorize(actor.principal, 'customers', 'create');
  const rows = await db
    .select()
    .from(importMappings)
    .where(eq(importMappings.kind, kind))
    .orderBy(asc(importMappings.name));
  return rows.map(toView);
}

/** Saves a mapping under a name unique per kind. */
export async function saveMapping(db: Db, actor: Actor, raw: unknown): Promise<MappingView> {
  authorize(actor.principal, 'customers', 'create');
  const input = validateInput(saveMappingSchema, raw);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(importMappings)
      .values({ ...input, actorUserId: actor.principal.userId })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('import_mapping_exists', { name: input.name });
    await recordAudit(tx, actor, {
      entityType: 'import_mapping',
      entityId: row.id,
      action: 'create',
      after: toView(row),
    });
    return toView(row);
  });
}

/** A saved mapping by name (the CLI's --mapping NAME). */
export async function mappingByName(db: DbOrTx, name: string, kind = 'customers'): Promise<MappingView> {
  const [row] = await db
    .select()
    .from(importMappings)
    .where(and(eq(importMappings.kind, kind), eq(importMappings.name, name)));
  if (!row) throw new AppError('import_mapping_not_found', { name });
  return toView(row);
}

export async function deleteMapping(db: Db, actor: Actor, id: string): Promise<void> {
  authorize(actor.principal, 'customers', 'create');
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(importMappings).where(eq(importMappings.id, id)).returning();
    if (!row) throw new AppError('not_found');
    await recordAudit(tx, actor, { entityType: 'import_mapping', entityId: id, action: 'delete', before: toView(row) });
  });
}
