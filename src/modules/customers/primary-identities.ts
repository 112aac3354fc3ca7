import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { invalidField } from '../../core/errors/app-error.ts';
import { normaliseIdentifier } from './identifiers.ts';
import { claimIdentity, demoteOtherPrimaries } from './identity-claim.ts';
import { customerIdentities } from './schema.ts';

/** The profile's contact columns and the identity kind each mirrors. */
export const PRIMARY_CONTACTS = [
  { kind: 'email', column: 'email' },
  { kind: 'phone', column: 'phone' },
  { kind: 'line', column: 'lineId' },
] as const;

export type PrimaryColumn = (typeof PRIMARY_CONTACTS)[number]['column'];
export type PrimaryKind = (typeof PRIMARY_CONTACTS)[number]['kind'];
export type Contacts = Record<PrimaryColumn, string | null>;

export function columnOfKind(kind: string): PrimaryColumn | undefined {
  return PRIMARY_CONTACTS.find((c) => c.kind === kind)?.column;
}

/**
 * Keeps the primary identities in step with the profile's email/phone/lineId columns, in
 * the caller's transaction. A changed column replaces its old primary identity (a typo
 * corrected must not keep blocking the old value); a cleared one removes it. Another
 * profile holding the new value → identifier_in_use, and the transaction writes nothing.
 */
export async function syncPrimaryIdentities(
  tx: DbOrTx,
  actor: Actor,
  customerId: string,
  before: Contacts | null,
  after: Contacts,
): Promise<void> {
  for (const { kind, column } of PRIMARY_CONTACTS) {
    const prev = before?.[column] ?? null;
    const next = after[column] ?? null;
    if (before && prev === next) continue;
    if (prev !== null) {
      await tx
        .delete(customerIdentities)
        .where(
          and(
            eq(customerIdentities.customerId, customerId),
            eq(customerIdentities.kind, kind),
            eq(customerIdentities.system, ''),
            eq(customerIdentities.value, prev),
            eq(customerIdentities.isPrimary, true),
          ),
        );
    }
    if (next === null) continue;
    const result = normaliseIdentifier(kind, next);
    if (!result.ok) throw invalidField(column, result.reason, result.reasonTh);
    const { row } = await claimIdentity(tx, actor, customerId, result.identifier, { isPrimary: true, path: column });
    await demoteOtherPrimaries(tx, customerId, kind, row.id);
  }
}
