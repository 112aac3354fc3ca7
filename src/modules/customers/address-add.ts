import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import {
  type AddressView,
  auditableAddress,
  type CreateAddressInput,
  createAddressSchema,
  postcodeProblem,
  toAddressView,
} from './address-input.ts';
import { lockCustomerForChange, touchCustomers } from './extras-target.ts';
import { customerAddresses } from './schema.ts';
import { validateInput } from './validate-input.ts';

/** Adds an address to a customer the caller may see and change. */
export async function addAddress(
  db: DbOrTx,
  actor: Actor,
  customerId: string,
  raw: CreateAddressInput,
): Promise<AddressView> {
  authorize(actor.principal, 'customers', 'update');
  const input = validateInput(createAddressSchema, raw);
  const problem = postcodeProblem(input.country, input.postcode);
  if (problem) throw new AppError('validation_failed', {}, [problem]);
  return db.transaction(async (tx) => {
    await lockCustomerForChange(tx, actor, customerId);
    const [row] = await tx
      .insert(customerAddresses)
      .values({ ...input, customerId })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await touchCustomers(tx, [customerId]);
    await recordAudit(tx, actor, {
      entityType: 'customer',
      entityId: customerId,
      action: 'address_add',
      after: { address: auditableAddress(row) },
    });
    await emitEvent(tx, {
      topic: 'customer.address_added',
      aggregateType: 'customer',
      aggregateId: customerId,
      payload: { addressId: row.id, label: row.label },
    });
    return toAddressView(row);
  });
}
