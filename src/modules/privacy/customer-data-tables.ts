import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { ident, rowsOf } from '../../core/db/rows-of.ts';

export { ident, rowsOf };

export interface ColumnInfo {
  name: string;
  nullable: boolean;
  type: string;
}

export interface CustomerDataTable {
  table: string;
  columns: ColumnInfo[];
}

/**
 * Every table with a customer_id column, found in the catalog (information_schema), so
 * tables that later modules add (orders, deals, tickets, points, …) are exported and
 * scrubbed without this module knowing them.
 */
export async function customerDataTables(tx: DbOrTx): Promise<CustomerDataTable[]> {
  const rows = await rowsOf<{ table_name: string; column_name: string; is_nullable: string; data_type: string }>(
    tx,
    sql`select c.table_name::text, c.column_name::text, c.is_nullable::text, c.data_type::text
          from information_schema.columns c
          join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
         where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
           and c.table_name in (select table_name from information_schema.columns
                                 where table_schema = current_schema() and column_name = 'customer_id')
         order by c.table_name, c.ordinal_position`,
  );
  const tables = new Map<string, ColumnInfo[]>();
  for (const r of rows) {
    const list = tables.get(r.table_name) ?? [];
    list.push({ name: r.column_name, nullable: r.is_nullable === 'YES', type: r.data_type });
    tables.set(r.table_name, list);
  }
  return [...tables].map(([table, columns]) => ({ table, columns }));
}

/** JSON-safe values: int8 may come back as BigInt, timestamps as Date. */
export function plain(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [
      k,
      typeof v === 'bigint' ? v.toString() : v instanceof Date ? v.toISOString() : v,
    ]),
  );
}
