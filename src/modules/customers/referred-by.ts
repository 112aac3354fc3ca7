import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { invalidField } from '../../core/errors/app-error.ts';
import { visibleCustomer } from './get-customer.ts';
import { customers } from './schema.ts';

/**
 * A referrer must be another active customer the caller may see; one out of scope is
 * reported as not found, like any invisible customer.
 */
export async function checkReferrer(
  tx: DbOrTx,
  actor: Actor,
  customerId: string | null,
  referredById: string | null | undefined,
): Promise<void> {
  if (!referredById) return;
  if (referredById === customerId) {
    throw invalidField('referredById', 'a customer cannot refer themselves', 'ลูกค้าไม่สามารถแนะนำตัวเองได้');
  }
  const [referrer] = await tx
    .select({ id: customers.id })
    .from(customers)
    .where(visibleCustomer(actor, and(eq(customers.id, referredById), eq(customers.status, 'active'))));
  if (!referrer) {
    throw invalidField('referredById', 'no active customer with this id', 'ไม่พบลูกค้าที่ใช้งานอยู่ตามรหัสนี้');
  }
}
