import { eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { customers, visibleCustomer } from '../customers/index.ts';

const STATUS_TH: Record<string, string> = { merged: 'รวมเข้ากับโปรไฟล์อื่น', erased: 'ลบข้อมูลส่วนบุคคล' };

/**
 * The customer a timeline call is about, if the caller may see it; otherwise not_found,
 * exactly as for the customer itself (no hint that it exists). Writes also need an active
 * profile: a merged or erased one keeps its history but takes no new entries
 * (customer_not_active, the customers module's code).
 */
export async function requireVisibleCustomer(
  db: DbOrTx,
  actor: Actor,
  customerId: string,
  options: { write?: boolean } = {},
): Promise<void> {
  const [row] = await db
    .select({ id: customers.id, status: customers.status })
    .from(customers)
    .where(visibleCustomer(actor, eq(customers.id, customerId)));
  if (!row) throw new AppError('not_found');
  if (options.write && row.status !== 'active') {
    throw new AppError('customer_not_active', { status: row.status, statusTh: STATUS_TH[row.status] ?? row.status });
  }
}
