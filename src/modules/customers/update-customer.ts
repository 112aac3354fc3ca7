import { eq } from 'drizzle-orm';
import { diffFields, recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { type Ownership, resolveOwnership } from './assign-owner.ts';
import { deriveDisplayName, type UpdateCustomerInput, updateCustomerSchema } from './customer-input.ts';
import { auditableCustomer, type CustomerRow, type CustomerView, toCustomerView } from './customer-view.ts';
import { visibleCustomer } from './get-customer.ts';
import { customers } from './schema.ts';
import { validateInput } from './validate-input.ts';

/**
 * A display name that was derived from the names follows them when they change;
 * one the user typed stays until they change it.
 */
function nextDisplayName(before: CustomerRow, merged: CustomerRow, given: string | undefined): string {
  if (given !== undefined) return given;
  if (before.displayName !== deriveDisplayName(before)) return before.displayName;
  return deriveDisplayName(merged) ?? before.displayName;
}

/** Changes fields of a customer the caller may see; an invisible one is not found. */
export async function updateCustomer(
  db: DbOrTx,
  actor: Actor,
  id: string,
  raw: UpdateCustomerInput,
): Promise<CustomerView> {
  authorize(actor.principal, 'customers', 'update');
  const input = validateInput(updateCustomerSchema, raw);
  const { ownerId: requestedOwner, displayName, ...fields } = input;
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(customers)
      .where(visibleCustomer(actor, eq(customers.id, id)))
      .for('update');
    if (!before) throw new AppError('not_found');
    let ownership: Ownership | undefined;
    if (requestedOwner !== undefined && requestedOwner !== before.ownerId) {
      ownership = await resolveOwnership(tx, actor, requestedOwner);
    }
    const defined = Object.fromEntries(
      Object.entries(fields).filter(([, v]) => v !== undefined),
    ) as Partial<CustomerRow>;
    const merged: CustomerRow = { ...before, ...defined, ...(ownership ?? {}) };
    merged.displayName = nextDisplayName(before, merged, displayName);
    const changed = Object.keys(diffFields(auditableCustomer(before), auditableCustomer(merged)));
    if (changed.length === 0) return toCustomerView(before);
    const { id: _id, createdAt: _c, updatedAt: _u, ...values } = merged;
    const [after] = await tx
      .update(customers)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(customers.id, id))
      .returning();
    if (!after) throw new AppError('not_found');
    await recordAudit(tx, actor, {
      entityType: 'customer',
      entityId: id,
      action: 'update',
      before: auditableCustomer(before),
      after: auditableCustomer(after),
    });
    await emitEvent(tx, {
      topic: 'customer.updated',
      aggregateType: 'customer',
      aggregateId: id,
      payload: { fields: changed, ownerId: after.ownerId, teamId: after.teamId },
    });
    return toCustomerView(after);
  });
}
