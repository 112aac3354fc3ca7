import { and, eq, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { customerIdentities, customers, type Identifier, identifierKey } from '../customers/index.ts';

/** The text hashed for an identifier's lock: kind and system hold no ':', so it is unambiguous. */
export function lockKey(id: Identifier): string {
  return `${id.kind}:${id.system}:${id.value}`;
}

/**
 * Serialises every resolution that shares an identifier: a transaction-scoped advisory
 * lock per identifier key, taken in sorted order so two resolutions never wait on each
 * other in a cycle. The second of two simultaneous upserts of a new phone waits here,
 * then sees the profile the first one created. Works the same on PGlite (one session).
 */
export async function lockIdentifiers(tx: DbOrTx, identifiers: readonly Identifier[]): Promise<void> {
  const keys = [...new Set(identifiers.map(lockKey))].sort();
  if (keys.length === 0) return;
  const list = sql.join(
    keys.map((k) => sql`(${k})`),
    sql`, `,
  );
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(k.key, 0)) from (values ${list}) as k(key) order by k.key`,
  );
}

export interface IdentityOwner {
  identityId: string;
  customerId: string;
}

/**
 * Which profile holds each identifier now (keyed by identifierKey). A profile merged into
 * another stands for its survivor (merges move identities, but an old row may remain).
 */
export async function findOwners(tx: DbOrTx, identifiers: readonly Identifier[]): Promise<Map<string, IdentityOwner>> {
  const owners = new Map<string, IdentityOwner>();
  if (identifiers.length === 0) return owners;
  const rows = await tx
    .select({
      id: customerIdentities.id,
      kind: customerIdentities.kind,
      system: customerIdentities.system,
      value: customerIdentities.value,
      customerId: customerIdentities.customerId,
      mergedIntoId: customers.mergedIntoId,
    })
    .from(customerIdentities)
    .innerJoin(customers, sql`${customers.id} = ${customerIdentities.customerId}`)
    .where(
      or(
        ...identifiers.map((i) =>
          and(
            eq(customerIdentities.kind, i.kind),
            eq(customerIdentities.system, i.system),
            eq(customerIdentities.value, i.value),
          ),
        ),
      ),
    );
  const wanted = new Set(identifiers.map(identifierKey));
  for (const r of rows) {
    const key = identifierKey({ kind: r.kind as Identifier['kind'], system: r.system, value: r.value });
    if (!wanted.has(key)) continue;
    owners.set(key, { identityId: r.id, customerId: r.mergedIntoId ?? r.customerId });
  }
  return owners;
}
