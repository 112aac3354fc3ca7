import { randomBytes } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import { asc, eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import type { Actor } from '../../core/auth/principal.ts';
import { sha256 } from '../../core/auth/secret-tokens.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { validateInput } from '../customers/index.ts';
import { authorizeLeadSetup } from './lead-access.ts';
import { leadForms } from './schema.ts';

export const FORM_KEY_PREFIX = 'lf_';

export const createLeadFormSchema = z
  .object({ name: z.string().trim().min(1).max(100).openapi({ example: 'หน้าติดต่อเรา' }) })
  .strict()
  .openapi('CreateLeadForm');

export const leadFormViewSchema = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    keyHint: z.string().openapi({ description: 'The last characters of the key.' }),
    active: z.boolean(),
    createdAt: z.string(),
    key: z.string().optional().openapi({ description: 'Only in the answer to create: keep it, it is not stored.' }),
    postPath: z.string().optional().openapi({ description: 'Where the form posts (only with the key).' }),
  })
  .openapi('LeadForm');
export type LeadFormView = z.infer<typeof leadFormViewSchema>;

function toView(row: typeof leadForms.$inferSelect): LeadFormView {
  return {
    id: row.id,
    name: row.name,
    keyHint: row.keyHint,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A new web form with its secret key, shown once; the database keeps only sha256(key). */
export async function createLeadForm(
  db: DbOrTx,
  actor: Actor,
  raw: z.input<typeof createLeadFormSchema>,
): Promise<LeadFormView> {
  authorizeLeadSetup(actor, 'create');
  const input = validateInput(createLeadFormSchema, raw);
  const key = `${FORM_KEY_PREFIX}${randomBytes(24).toString('base64url')}`;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(leadForms)
      .values({
        name: input.name,
        keyHash: sha256(key),
        keyHint: key.slice(-4),
        createdBy: actor.principal.userId ?? null,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordAudit(tx, actor, {
      entityType: 'lead_form',
      entityId: row.id,
      action: 'create',
      after: { name: row.name },
    });
    return { ...toView(row), key, postPath: `/api/v1/public/lead-forms/${key}` };
  });
}

export async function listLeadForms(db: DbOrTx, actor: Actor): Promise<LeadFormView[]> {
  authorizeLeadSetup(actor, 'read');
  const rows = await db.select().from(leadForms).orderBy(asc(leadForms.createdAt));
  return rows.map(toView);
}

/** Switches a form off (or on again); its key stops (or starts) working at once. */
export async function setLeadFormActive(db: DbOrTx, actor: Actor, id: string, active: boolean): Promise<LeadFormView> {
  authorizeLeadSetup(actor);
  return db.transaction(async (tx) => {
    const [row] = await tx.update(leadForms).set({ active }).where(eq(leadForms.id, id)).returning();
    if (!row) throw new AppError('not_found');
    await recordAudit(tx, actor, {
      entityType: 'lead_form',
      entityId: id,
      action: active ? 'activate' : 'deactivate',
      changes: { active: { before: !active, after: active } },
    });
    return toView(row);
  });
}
