import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { auditableAddress } from './address-input.ts';
import { lockCustomerForChange, touchCustomers } from './extras-target.ts';
import { customerAddresses } from './schema.ts';

/** Removes one address of a customer the caller may see and change. */
export async function removeAddress(db: DbOrTx, actor: Actor, customerId: string, addressId: string): Promise<void> {
  authorize(actor.principal, 'customers', 'update');
  await db.transaction(async (tx) => {
    await lockCustomerForChange(tx, actor, customerId);
    const [row] = await tx
      .delete(customerAddresses)
      .where(and(eq(customerAddresses.id, addressId), eq(customerAddresses.customerId, customerId)))
      .returning();
    if (!row) throw new AppError('not_found');
    await touchCustomers(tx, [customerId]);
    await recordAudit(tx, actor, {
      entityType: 'customer',
      entityId: customerId,
      action: 'address_remove',
      before: { address: auditableAddress(row) },
    });
    await emitEvent(tx, {
      topic: 'customer.address_removed',
      aggregateType: 'customer',
      aggregateId: customerId,
      payload: { addressId },
    });
  });
}
