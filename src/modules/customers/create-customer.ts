import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { resolveOwnership } from './assign-owner.ts';
import { checkCustomFields } from './custom-field-values.ts';
import { type CreateCustomerInput, createCustomerSchema, deriveDisplayName } from './customer-input.ts';
import { auditableCustomer, type CustomerView, toCustomerView } from './customer-view.ts';
import { syncPrimaryIdentities } from './primary-identities.ts';
import { checkReferrer } from './referred-by.ts';
import { refreshSearchText } from './refresh-search-text.ts';
import { customers } from './schema.ts';
import { validateInput } from './validate-input.ts';

/**
 * Creates a customer owned by the caller (or, for managers and admins, by the owner they
 * choose), with its email/phone/LINE as primary identities and its search text, in one
 * transaction. Bad input or an identifier held by another profile writes nothing.
 */
export async function createCustomer(db: DbOrTx, actor: Actor, raw: CreateCustomerInput): Promise<CustomerView> {
  authorize(actor.principal, 'customers', 'create');
  const input = validateInput(createCustomerSchema, raw);
  const { ownerId: requestedOwner, displayName, customFields, ...fields } = input;
  return db.transaction(async (tx) => {
    const ownership = await resolveOwnership(tx, actor, requestedOwner);
    await checkReferrer(tx, actor, null, fields.referredById);
    const checkedFields = await checkCustomFields(tx, fields.kind, customFields ?? {});
    const [inserted] = await tx
      .insert(customers)
      .values({
        ...fields,
        displayName: displayName ?? deriveDisplayName(fields) ?? '',
        tags: fields.tags ?? [],
        interests: fields.interests ?? [],
        customFields: checkedFields,
        ...ownership,
      })
      .returning();
    if (!inserted) throw new Error('insert returned no row');
    const contacts = { email: inserted.email, phone: inserted.phone, lineId: inserted.lineId };
    await syncPrimaryIdentities(tx, actor, inserted.id, null, contacts);
    await refreshSearchText(tx, [inserted.id]);
    const row = inserted;
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
      payload: { ownerId: row.ownerId, teamId: row.teamId, source: row.source, referredById: row.referredById },
    });
    return toCustomerView(row);
  });
}
