import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { resolveOwnership } from './assign-owner.ts';
import { type CreateCustomerInput, createCustomerSchema, deriveDisplayName } from './customer-input.ts';
import { auditableCustomer, type CustomerView, toCustomerView } from './customer-view.ts';
import { customers } from './schema.ts';
import { validateInput } from './validate-input.ts';

/**
 * Creates a customer owned by the caller (or, for managers and admins, by the owner they
 * choose). Validates everything before the transaction, so bad input writes nothing.
 */
export async function createCustomer(db: DbOrTx, actor: Actor, raw: CreateCustomerInput): Promise<CustomerView> {
  authorize(actor.principal, 'customers', 'create');
  const input = validateInput(createCustomerSchema, raw);
  const { ownerId: requestedOwner, displayName, ...fields } = input;
  return db.transaction(async (tx) => {
    const ownership = await resolveOwnership(tx, actor, requestedOwner);
    const [row] = await tx
      .insert(customers)
      .values({
        ...fields,
        displayName: displayName ?? deriveDisplayName(fields) ?? '',
        tags: fields.tags ?? [],
        ...ownership,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordAudit(tx, actor, {
      entityType: 'customer',
      entityId: row.id,
      action: 'create',
      after: auditableCustomer(row),
    });
    await emitEvent(tx, {
      topic: 'customer.created',
      aggregateType: 'customer',
      aggregateId: row.id,
      payload: { ownerId: row.ownerId, teamId: row.teamId, source: row.source },
    });
    return toCustomerView(row);
  });
}
