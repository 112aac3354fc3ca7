import { eq } from 'drizzle-orm';
import { diffFields, recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { type Ownership, resolveOwnership } from './assign-owner.ts';
import { checkCustomFields } from './custom-field-values.ts';
import { deriveDisplayName, type UpdateCustomerInput, updateCustomerSchema } from './customer-input.ts';
import { auditableCustomer, type CustomerRow, type CustomerView, toCustomerView } from './customer-view.ts';
import { lockEditableCustomer } from './editable-customer.ts';
import { syncPrimaryIdentities } from './primary-identities.ts';
import { checkReferrer } from './referred-by.ts';
import { refreshSearchText } from './refresh-search-text.ts';
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

/**
 * Changes fields of a customer the caller may see (an invisible one is not found); the
 * primary identities and search text follow in the same transaction.
 */
export async function updateCustomer(
  db: DbOrTx,
  actor: Actor,
  id: string,
  raw: UpdateCustomerInput,
): Promise<CustomerView> {
  authorize(actor.principal, 'customers', 'update');
  const input = validateInput(updateCustomerSchema, raw);
  const { ownerId: requestedOwner, displayName, customFields, ...fields } = input;
  return db.transaction(async (tx) => {
    const before = await lockEditableCustomer(tx, actor, id);
    let ownership: Ownership | undefined;
    if (requestedOwner !== undefined && requestedOwner !== before.ownerId) {
      ownership = await resolveOwnership(tx, actor, requestedOwner);
    }
    const defined = Object.fromEntries(
      Object.entries(fields).filter(([, v]) => v !== undefined),
    ) as Partial<CustomerRow>;
    const merged: CustomerRow = { ...before, ...defined, ...(ownership ?? {}) };
    merged.displayName = nextDisplayName(before, merged, displayName);
    if (fields.referredById !== undefined && fields.referredById !== before.referredById) {
      await checkReferrer(tx, actor, id, fields.referredById);
    }
    if (customFields !== undefined) {
      merged.customFields = await checkCustomFields(
        tx,
        merged.kind === 'company' ? 'company' : 'person',
        customFields,
        before.customFields,
      );
    }
    const changed = Object.keys(diffFields(auditableCustomer(before), auditableCustomer(merged)));
    if (changed.length === 0) return toCustomerView(before);
    const { id: _id, createdAt: _c, updatedAt: _u, ...values } = merged;
    const [after] = await tx
      .update(customers)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(customers.id, id))
      .returning();
    if (!after) throw new AppError('not_found');
    await syncPrimaryIdentities(tx, actor, id, before, after);
    await refreshSearchText(tx, [id]);
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
