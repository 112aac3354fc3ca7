import { getTableColumns, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { customers } from '../customers/index.ts';
import { type CustomerDataTable, ident, rowsOf } from './customer-data-tables.ts';

/** What an erased profile is called from now on. */
export const ERASED_NAME = 'ลบข้อมูลแล้ว (erased)';

/**
 * Columns of customers that stay: they are not about the person but about the business
 * (kind, type, owner, team, dates, source, company facts, province for regional counts)
 * or links to other records. Every other column is cleared, so a column added later is
 * erased unless someone decides here that it may stay.
 */
const KEEP = new Set([
  'id',
  'kind',
  'customerType',
  'status',
  'ownerId',
  'teamId',
  'source',
  'industry',
  'companySize',
  'province',
  'referredById',
  'mergedIntoId',
  'lastContactedAt',
  'createdAt',
  'updatedAt',
]);

/** The anonymised values of every customers column that does not stay. */
export function anonymisedProfile(): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(customers))) {
    if (KEEP.has(key)) continue;
    if (!column.notNull) values[key] = null;
  }
  return {
    ...values,
    displayName: ERASED_NAME,
    searchText: '',
    interests: [],
    tags: [],
    customFields: {},
    status: 'erased',
    updatedAt: new Date(),
  };
}

/**
 * Column names that hold personal data wherever they appear. Rows of tables this module
 * does not know (orders, tickets, points, …) are kept as non-personal aggregates, with
 * these columns cleared.
 */
const PERSONAL_COLUMNS = new Set([
  'name',
  'full_name',
  'first_name',
  'last_name',
  'first_name_en',
  'last_name_en',
  'nickname',
  'display_name',
  'email',
  'phone',
  'mobile',
  'line_id',
  'address',
  'address_line',
  'sub_district',
  'district',
  'postcode',
  'birthday',
  'tax_id',
  'national_id',
  'note',
  'notes',
  'subject',
  // A deal's title often names the person ("แพ็กเกจของคุณสมชาย").
  'title',
  'body',
  'message',
  'comment',
  'raw',
  'evidence',
  'ip',
  'user_agent',
  'contact',
  'recipient',
  'shipping_address',
  'billing_address',
]);

/** Clears the personal columns of one other table's rows of this customer; returns rows kept. */
export async function scrubOtherTable(tx: DbOrTx, t: CustomerDataTable, customerId: string): Promise<number> {
  const sets = t.columns
    .filter((c) => PERSONAL_COLUMNS.has(c.name) && c.name !== 'customer_id')
    .map((c) => {
      if (c.nullable) return sql`${ident(c.name)} = null`;
      if (c.type === 'jsonb' || c.type === 'json') return sql`${ident(c.name)} = '{}'`;
      if (c.type === 'text' || c.type.startsWith('character')) return sql`${ident(c.name)} = ''`;
      return undefined;
    })
    .filter((s) => s !== undefined);
  const [counted] = await rowsOf<{ n: number | string }>(
    tx,
    sql`select count(*) as n from ${ident(t.table)} where customer_id = ${customerId}`,
  );
  if (sets.length > 0) {
    await tx.execute(sql`update ${ident(t.table)} set ${sql.join(sets, sql`, `)} where customer_id = ${customerId}`);
  }
  return Number(counted?.n ?? 0);
}

/**
 * Blanks before/after of every audit entry about the customer or one of its rows (the
 * only UPDATE the audit log accepts, see migration 0003). Returns entries scrubbed.
 */
export async function scrubAudit(tx: DbOrTx, entityIds: readonly string[]): Promise<number> {
  await tx.execute(sql`select set_config('sampan.audit_scrub', 'on', true)`);
  const scrubbed = await rowsOf<{ id: number }>(
    tx,
    sql`update audit_log set changes = audit_log_scrubbed_changes(changes)
         where entity_id = any(array(select jsonb_array_elements_text(${JSON.stringify(entityIds)}::jsonb)))
           and changes is not null and changes is distinct from audit_log_scrubbed_changes(changes)
        returning id`,
  );
  await tx.execute(sql`select set_config('sampan.audit_scrub', 'off', true)`);
  return scrubbed.length;
}
