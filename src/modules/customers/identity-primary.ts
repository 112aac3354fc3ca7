import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import type { IdentifierKind } from './identifiers.ts';
import { demoteOtherPrimaries, type IdentityRow } from './identity-claim.ts';
import { columnOfKind } from './primary-identities.ts';
import { customerIdentities, customers } from './schema.ts';

/**
 * Makes an identity the primary of its kind; for email, phone and LINE the profile's
 * column follows (the column always shows the primary identity).
 */
export async function makePrimary(tx: DbOrTx, customerId: string, row: IdentityRow): Promise<IdentityRow> {
  await demoteOtherPrimaries(tx, customerId, row.kind as IdentifierKind, row.id);
  const [updated] = await tx
    .update(customerIdentities)
    .set({ isPrimary: true })
    .where(eq(customerIdentities.id, row.id))
    .returning();
  const column = columnOfKind(row.kind);
  if (column)
    await tx
      .update(customers)
      .set({ [column]: row.value })
      .where(eq(customers.id, customerId));
  return updated ?? row;
}

/** Takes the primary flag off; the profile's column is cleared when it showed this value. */
export async function dropPrimary(
  tx: DbOrTx,
  customer: { id: string; email: string | null; phone: string | null; lineId: string | null },
  row: IdentityRow,
): Promise<void> {
  const column = columnOfKind(row.kind);
  if (column && customer[column] === row.value) {
    await tx
      .update(customers)
      .set({ [column]: null })
      .where(eq(customers.id, customer.id));
  }
}
