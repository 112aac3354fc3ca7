import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { customerIdentities, type Identifier, identifierKey } from '../customers/index.ts';
import { findOwners, type IdentityOwner } from './identifier-locks.ts';

/**
 * Gives the profile every identifier nobody holds yet, and marks the ones it already holds
 * as seen now. Returns the identifiers added and any that another writer (one that does
 * not take the identifier locks) took in the meantime: those are conflicts, not stolen.
 */
export async function attachIdentifiers(
  tx: DbOrTx,
  customerId: string,
  identifiers: readonly Identifier[],
  owners: Map<string, IdentityOwner>,
): Promise<{ added: Identifier[]; lost: { identifier: Identifier; customerId: string }[] }> {
  const held = identifiers.flatMap((i) => {
    const o = owners.get(identifierKey(i));
    return o && o.customerId === customerId ? [o.identityId] : [];
  });
  if (held.length) {
    await tx.update(customerIdentities).set({ lastSeenAt: sql`now()` }).where(inArray(customerIdentities.id, held));
  }
  const fresh = identifiers.filter((i) => !owners.has(identifierKey(i)));
  if (fresh.length === 0) return { added: [], lost: [] };
  const inserted = await tx
    .insert(customerIdentities)
    .values(fresh.map((i) => ({ customerId, kind: i.kind, system: i.system, value: i.value })))
    .onConflictDoNothing({ target: [customerIdentities.kind, customerIdentities.system, customerIdentities.value] })
    .returning({ kind: customerIdentities.kind, system: customerIdentities.system, value: customerIdentities.value });
  const insertedKeys = new Set(inserted.map((r) => identifierKey(r as Identifier)));
  const missing = fresh.filter((i) => !insertedKeys.has(identifierKey(i)));
  // Not inserted: the customers use case already gave it to this profile (its primary
  // email/phone/LINE), or a writer outside these locks got there first.
  const now = await findOwners(tx, missing);
  const lost: { identifier: Identifier; customerId: string }[] = [];
  for (const i of missing) {
    const o = now.get(identifierKey(i));
    if (o && o.customerId !== customerId) lost.push({ identifier: i, customerId: o.customerId });
  }
  return { added: fresh.filter((i) => insertedKeys.has(identifierKey(i))), lost };
}
