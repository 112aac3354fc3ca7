import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { customerIdentities, customers, type Identifier, identifierKey } from '../customers/index.ts';

export type CustomerRow = typeof customers.$inferSelect;

/** What a batch's resolution starts from: who holds its identifiers, and those profiles. */
export interface BatchOwners {
  /** identifierKey → the profile holding it now (a merged profile forwards to its survivor). */
  holder: Map<string, string>;
  existing: Map<string, CustomerRow>;
  /** Every identifier of the matched profiles (only loaded when matches are updated). */
  existingIdentities: Map<string, Identifier[]>;
}

/**
 * One set-based lookup of every identifier of the batch against customer_identities (a
 * join with the batch's keys as one JSON parameter), then the matched profiles and, when
 * they are to be updated, all their identifiers: three statements per batch, whatever its size.
 */
export async function loadBatchOwners(tx: DbOrTx, keys: Identifier[], withIdentities: boolean): Promise<BatchOwners> {
  const out: BatchOwners = { holder: new Map(), existing: new Map(), existingIdentities: new Map() };
  if (keys.length === 0) return out;
  const result = await tx.execute(sql`
    select i.kind, i.system, i.value,
           case when c.status = 'merged' and c.merged_into_id is not null then c.merged_into_id else c.id end as customer_id
    from jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) as k(kind text, system text, value text)
    join ${customerIdentities} i on i.kind = k.kind and i.system = k.system and i.value = k.value
    join ${customers} c on c.id = i.customer_id`);
  const rows = (result as unknown as { rows: { kind: string; system: string; value: string; customer_id: string }[] })
    .rows;
  for (const r of rows) {
    out.holder.set(
      identifierKey({ kind: r.kind as Identifier['kind'], system: r.system, value: r.value }),
      r.customer_id,
    );
  }
  const ids = [...new Set(out.holder.values())];
  if (ids.length === 0) return out;
  for (const c of await tx.select().from(customers).where(inArray(customers.id, ids))) out.existing.set(c.id, c);
  if (!withIdentities) return out;
  const held = await tx
    .select({
      customerId: customerIdentities.customerId,
      kind: customerIdentities.kind,
      system: customerIdentities.system,
      value: customerIdentities.value,
    })
    .from(customerIdentities)
    .where(inArray(customerIdentities.customerId, ids));
  for (const i of held) {
    const list = out.existingIdentities.get(i.customerId) ?? [];
    list.push({ kind: i.kind as Identifier['kind'], system: i.system, value: i.value });
    out.existingIdentities.set(i.customerId, list);
  }
  return out;
}
