import { eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { CustomerRow } from './customer-view.ts';
import { visibleCustomer } from './get-customer.ts';
import { customers } from './schema.ts';

/** A merged or erased profile is kept for history and unmerge, not edited. */
export function notActive(row: CustomerRow): AppError {
  return new AppError('customer_not_active', {
    status: row.status,
    statusTh: row.status === 'merged' ? 'รวมเข้ากับโปรไฟล์อื่น' : 'ลบข้อมูลส่วนบุคคล',
  });
}

/**
 * The customer row locked for this transaction's change: not_found when the caller may
 * not see it, customer_not_active when it was merged or erased.
 */
export async function lockEditableCustomer(tx: DbOrTx, actor: Actor, id: string): Promise<CustomerRow> {
  const [row] = await tx
    .select()
    .from(customers)
    .where(visibleCustomer(actor, eq(customers.id, id)))
    .for('update');
  if (!row) throw new AppError('not_found');
  if (row.status !== 'active') throw notActive(row);
  return row;
}
