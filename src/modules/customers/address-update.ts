import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import {
  type AddressView,
  auditableAddress,
  postcodeProblem,
  toAddressView,
  type UpdateAddressInput,
  updateAddressSchema,
} from './address-input.ts';
import { lockCustomerForChange, touchCustomers } from './extras-target.ts';
import { customerAddresses } from './schema.ts';
import { validateInput } from './validate-input.ts';

const PARTS = ['addressLine', 'subDistrict', 'district', 'province', 'postcode'] as const;

/** Changes parts of a customer's address; an address emptied of every part is refused. */
export async function updateAddress(
  db: DbOrTx,
  actor: Actor,
  customerId: string,
  addressId: string,
  raw: UpdateAddressInput,
): Promise<AddressView> {
  authorize(actor.principal, 'customers', 'update');
  const input = validateInput(updateAddressSchema, raw);
  return db.transaction(async (tx) => {
    await lockCustomerForChange(tx, actor, customerId);
    const where = and(eq(customerAddresses.id, addressId), eq(customerAddresses.customerId, customerId));
    const [before] = await tx.select().from(customerAddresses).where(where);
    if (!before) throw new AppError('not_found');
    const merged = { ...before, ...input };
    const problem = postcodeProblem(merged.country, merged.postcode);
    if (problem) throw new AppError('validation_failed', {}, [problem]);
    if (!PARTS.some((p) => merged[p])) {
      throw new AppError('validation_failed', {}, [
        {
          path: 'addressLine',
          message: 'an address needs at least one of: address line, sub-district, district, province, postcode',
          th: 'ที่อยู่ต้องมีอย่างน้อยหนึ่งส่วน: ที่อยู่ ตำบล/แขวง อำเภอ/เขต จังหวัด หรือรหัสไปรษณีย์',
        },
      ]);
    }
    const [row] = await tx.update(customerAddresses).set(input).where(where).returning();
    if (!row) throw new Error('update returned no row');
    await touchCustomers(tx, [customerId]);
    await recordAudit(tx, actor, {
      entityType: 'customer',
      entityId: customerId,
      action: 'address_update',
      before: { address: auditableAddress(before) },
      after: { address: auditableAddress(row) },
    });
    await emitEvent(tx, {
      topic: 'customer.address_changed',
      aggregateType: 'customer',
      aggregateId: customerId,
      payload: { addressId },
    });
    return toAddressView(row);
  });
}
