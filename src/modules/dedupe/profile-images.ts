import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import type { customers } from '../customers/index.ts';
import { rowsOf, uuidList } from './customer-tables.ts';

type CustomerRow = typeof customers.$inferSelect;

/**
 * Columns a merge never restores or compares: bookkeeping, not the person's data. The
 * generated ones (migration 0004) cannot be written at all; they follow the others.
 */
export const BOOKKEEPING_COLUMNS = new Set([
  'id',
  'updated_at',
  'search_text',
  'search_vector',
  'dedupe_name',
  'dedupe_name_th',
  'dedupe_name_en',
  'dedupe_addr',
  'dedupe_tax_id',
]);

/** Profiles as stored (to_jsonb, snake_case, exact types), for before-images and restore. */
export async function profileImages(
  tx: DbOrTx,
  ids: readonly string[],
): Promise<Record<string, Record<string, unknown>>> {
  const rows = await rowsOf<{ id: string; row: Record<string, unknown> }>(
    tx,
    sql`select c.id::text as id, to_jsonb(c) as row from customers c where c.id = any(${uuidList(ids)})`,
  );
  return Object.fromEntries(rows.map((r) => [r.id, r.row]));
}

/** Writes these columns of a stored image back onto the profile. */
export async function restoreColumns(
  tx: DbOrTx,
  id: string,
  image: Record<string, unknown>,
  columns: readonly string[],
): Promise<void> {
  if (columns.length === 0) return;
  const cols = sql.raw(columns.map((c) => `"${c.replace(/"/g, '""')}"`).join(', '));
  await tx.execute(sql`update customers set (${cols}) =
    (select ${cols} from jsonb_populate_record(null::customers, ${JSON.stringify(image)}::jsonb)) where id = ${id}`);
}

/** Columns whose stored values differ between two images. */
export function changedColumns(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(after).filter(
    (c) => !BOOKKEEPING_COLUMNS.has(c) && JSON.stringify(before[c] ?? null) !== JSON.stringify(after[c] ?? null),
  );
}

/** The audit view of a profile: its data without bookkeeping. */
export function auditable(row: CustomerRow) {
  const { createdAt: _c, updatedAt: _u, searchText: _s, ...rest } = row;
  return rest;
}
