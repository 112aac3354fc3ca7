import { and, eq, ne } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { visibleCustomer } from './get-customer.ts';
import type { Identifier, IdentifierKind } from './identifiers.ts';
import { customerIdentities, customers } from './schema.ts';

export type IdentityRow = typeof customerIdentities.$inferSelect;

export const IDENTITY_KIND_LABELS: Record<IdentifierKind, { en: string; th: string }> = {
  email: { en: 'email address', th: 'อีเมล' },
  phone: { en: 'phone number', th: 'เบอร์โทร' },
  line: { en: 'LINE id', th: 'LINE ID ' },
  facebook: { en: 'Facebook id', th: 'Facebook ID ' },
  pos: { en: 'POS member number', th: 'หมายเลขสมาชิก POS ' },
  external: { en: 'external id', th: 'รหัสจากระบบภายนอก ' },
};

/**
 * identifier_in_use naming the kind; the other profile's id only when the caller may see
 * that profile (otherwise its existence would leak). `path` points the form at the field.
 */
export async function identifierInUse(
  tx: DbOrTx,
  actor: Actor,
  kind: IdentifierKind,
  holderId: string,
  path: string,
): Promise<AppError> {
  const [visible] = await tx
    .select({ id: customers.id })
    .from(customers)
    .where(visibleCustomer(actor, eq(customers.id, holderId)));
  const label = IDENTITY_KIND_LABELS[kind];
  const holder = visible ? ` (${visible.id})` : '';
  return new AppError(
    'identifier_in_use',
    {
      kind: label.en,
      kindTh: label.th,
      holder,
      holderTh: visible ? ` (${visible.id})` : '',
      ...(visible ? { customerId: visible.id } : {}),
    },
    [
      {
        path,
        message: `this ${label.en} already belongs to another customer${holder}`,
        th: `${label.th}นี้เป็นของลูกค้ารายอื่นแล้ว${holder}`,
      },
    ],
  );
}

/**
 * Gives an identifier to a profile. The unique index on (kind, system, value) decides
 * races: ON CONFLICT DO NOTHING waits for a concurrent holder's transaction, and if the
 * row then belongs to another profile the caller gets identifier_in_use (nothing written).
 * Already held by this profile: returned as is (marked primary when asked).
 */
export async function claimIdentity(
  tx: DbOrTx,
  actor: Actor,
  customerId: string,
  identifier: Identifier,
  options: { isPrimary: boolean; path: string },
): Promise<{ row: IdentityRow; created: boolean }> {
  const [inserted] = await tx
    .insert(customerIdentities)
    .values({ customerId, ...identifier, isPrimary: options.isPrimary })
    .onConflictDoNothing({ target: [customerIdentities.kind, customerIdentities.system, customerIdentities.value] })
    .returning();
  if (inserted) return { row: inserted, created: true };
  const [held] = await tx
    .select()
    .from(customerIdentities)
    .where(
      and(
        eq(customerIdentities.kind, identifier.kind),
        eq(customerIdentities.system, identifier.system),
        eq(customerIdentities.value, identifier.value),
      ),
    );
  if (!held) throw new Error('identity vanished between insert and select');
  if (held.customerId !== customerId) {
    throw await identifierInUse(tx, actor, identifier.kind, held.customerId, options.path);
  }
  if (options.isPrimary && !held.isPrimary) {
    const [row] = await tx
      .update(customerIdentities)
      .set({ isPrimary: true })
      .where(eq(customerIdentities.id, held.id))
      .returning();
    return { row: row ?? held, created: false };
  }
  return { row: held, created: false };
}

/** Clears the primary flag on the other identities of this kind (one primary per kind). */
export async function demoteOtherPrimaries(
  tx: DbOrTx,
  customerId: string,
  kind: IdentifierKind,
  keepId: string | null,
): Promise<void> {
  await tx
    .update(customerIdentities)
    .set({ isPrimary: false })
    .where(
      and(
        eq(customerIdentities.customerId, customerId),
        eq(customerIdentities.kind, kind),
        eq(customerIdentities.isPrimary, true),
        keepId ? ne(customerIdentities.id, keepId) : undefined,
      ),
    );
}
