import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { customerIdentities, customers } from './schema.ts';
import { customerSearchText, type SearchableIdentifier } from './search-text.ts';

const CHUNK = 500;

/**
 * Recomputes customers.search_text from each row and all its identities. Every write that
 * changes names, tags, tax id or identifiers calls it in the same transaction (create,
 * update, identity add/remove here; merge, import and erase in the modules above).
 * Returns how many rows changed.
 */
export async function refreshSearchText(tx: DbOrTx, customerIds: readonly string[]): Promise<number> {
  let changed = 0;
  const ids = [...new Set(customerIds)];
  for (let i = 0; i < ids.length; i += CHUNK) changed += await refreshChunk(tx, ids.slice(i, i + CHUNK));
  return changed;
}

async function refreshChunk(tx: DbOrTx, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await tx
    .select({
      id: customers.id,
      displayName: customers.displayName,
      firstName: customers.firstName,
      lastName: customers.lastName,
      firstNameEn: customers.firstNameEn,
      lastNameEn: customers.lastNameEn,
      nickname: customers.nickname,
      tags: customers.tags,
      taxId: customers.taxId,
      email: customers.email,
      phone: customers.phone,
      lineId: customers.lineId,
      searchText: customers.searchText,
    })
    .from(customers)
    .where(inArray(customers.id, ids));
  const identities = await tx
    .select({
      customerId: customerIdentities.customerId,
      kind: customerIdentities.kind,
      value: customerIdentities.value,
    })
    .from(customerIdentities)
    .where(inArray(customerIdentities.customerId, ids));
  const byCustomer = new Map<string, SearchableIdentifier[]>();
  for (const idn of identities) {
    const list = byCustomer.get(idn.customerId) ?? [];
    list.push(idn);
    byCustomer.set(idn.customerId, list);
  }
  const updates: { id: string; text: string }[] = [];
  for (const row of rows) {
    // The profile's own contact columns count too, so a row is searchable by them even
    // before its identities exist (rows from before the identities table).
    const own: SearchableIdentifier[] = [];
    if (row.email) own.push({ kind: 'email', value: row.email });
    if (row.phone) own.push({ kind: 'phone', value: row.phone });
    if (row.lineId) own.push({ kind: 'line', value: row.lineId });
    const text = customerSearchText(row, [...own, ...(byCustomer.get(row.id) ?? [])]);
    if (text !== row.searchText) updates.push({ id: row.id, text });
  }
  if (updates.length === 0) return 0;
  const values = sql.join(
    updates.map((u) => sql`(${u.id}::uuid, ${u.text}::text)`),
    sql`, `,
  );
  await tx.execute(
    sql`update ${customers} set search_text = v.text from (values ${values}) as v(id, text) where ${customers.id} = v.id`,
  );
  return updates.length;
}
