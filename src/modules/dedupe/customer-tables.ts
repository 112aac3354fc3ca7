import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { ident, rowsOf } from '../../core/db/rows-of.ts';

export { ident, rowsOf };

/** A JSON array of strings as one parameter, usable as `col = any(…)` however long the list. */
export function textList(values: readonly string[]): SQL {
  return sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
}

export function uuidList(values: readonly string[]): SQL {
  return sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb)::uuid)`;
}

/**
 * Tables whose rows belong to a customer through a `customer_id` column and move with a
 * merge. Found in the catalog, so tables of later modules (orders, deals, tickets,
 * points, …) move without this module knowing them. consent_state is left out: it is
 * recomputed from consent_records, which do move.
 */
export interface CustomerTable {
  table: string;
  /** Primary-key columns other than customer_id: how moved rows are recorded. */
  keys: string[];
  /** customer_id is part of the primary key, so a moved row may collide with one of the survivor's. */
  keyHasCustomer: boolean;
}

/**
 * Derived per-customer rows that stay where they are on a merge and are judged again later.
 * customer_scores also has one row per customer (moving the merged profile's would clash with
 * the survivor's) and no foreign key, so a purge deletes it explicitly (purge-merges.ts).
 */
const DERIVED = new Set(['consent_state', 'customer_ladder', 'customer_scores']);

export async function customerTables(tx: DbOrTx): Promise<CustomerTable[]> {
  const rows = await rowsOf<{ table_name: string; keys: string[] | null }>(
    tx,
    sql`select c.relname::text as table_name,
          (select array_agg(k.attname::text order by array_position(i.indkey::int2[], k.attnum))
             from pg_index i join pg_attribute k on k.attrelid = i.indrelid and k.attnum = any(i.indkey::int2[])
            where i.indrelid = c.oid and i.indisprimary) as keys
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attname = 'customer_id' and not a.attisdropped
       where n.nspname = current_schema() and c.relkind in ('r', 'p') and a.atttypid = 'uuid'::regtype
       order by c.relname`,
  );
  return rows
    .filter((r) => !DERIVED.has(r.table_name))
    .map((r) => {
      const all = r.keys ?? [];
      return {
        table: r.table_name,
        keys: all.filter((k) => k !== 'customer_id'),
        keyHasCustomer: all.includes('customer_id'),
      };
    });
}

/** The recorded key of a row: its primary-key columns (without customer_id) as text. */
export function rowKey(keys: readonly string[]): SQL {
  if (keys.length === 1) return sql`${ident(keys[0] as string)}::text`;
  return sql`concat_ws(chr(31), ${sql.join(
    keys.map((k) => sql`${ident(k)}::text`),
    sql`, `,
  )})`;
}

/**
 * Recomputes consent_state of these customers from their consent records: the latest
 * record per purpose and channel is the state.
 */
export async function recomputeConsentState(tx: DbOrTx, customerIds: readonly string[]): Promise<void> {
  const ids = uuidList(customerIds);
  await tx.execute(sql`delete from consent_state where customer_id = any(${ids})`);
  await tx.execute(sql`
    insert into consent_state (customer_id, purpose, channel, status, lawful_basis, text_version, record_id, updated_at)
    select distinct on (customer_id, purpose, channel)
           customer_id, purpose, channel, status, lawful_basis, text_version, id, recorded_at
      from consent_records
     where customer_id = any(${ids})
     order by customer_id, purpose, channel, recorded_at desc, id desc`);
}
