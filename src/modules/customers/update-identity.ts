import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { lockEditableCustomer } from './editable-customer.ts';
import { dropPrimary, makePrimary } from './identity-primary.ts';
import {
  auditableIdentity,
  type IdentityView,
  toIdentityView,
  type UpdateIdentityInput,
  updateIdentitySchema,
} from './identity-view.ts';
import { customerIdentities, customers } from './schema.ts';
import { validateInput } from './validate-input.ts';

/**
 * Marks an identifier ok/invalid/bounced/unreachable (with a reason) or makes it the
 * primary of its kind (the profile's email/phone/LINE column follows).
 */
export async function updateIdentity(
  db: DbOrTx,
  actor: Actor,
  customerId: string,
  identityId: string,
  raw: UpdateIdentityInput,
): Promise<IdentityView> {
  authorize(actor.principal, 'customers', 'update');
  const input = validateInput(updateIdentitySchema, raw);
  return db.transaction(async (tx) => {
    const customer = await lockEditableCustomer(tx, actor, customerId);
    const [before] = await tx
      .select()
      .from(customerIdentities)
      .where(and(eq(customerIdentities.id, identityId), eq(customerIdentities.customerId, customerId)));
    if (!before) throw new AppError('not_found');
    let row = before;
    if (input.status !== undefined || input.statusReason !== undefined) {
      const status = input.status ?? before.status;
      // a reason belongs to a problem status; back to ok clears it unless one is given
      const statusReason =
        input.statusReason !== undefined ? input.statusReason : status === 'ok' ? null : before.statusReason;
      const [updated] = await tx
        .update(customerIdentities)
        .set({ status, statusReason })
        .where(eq(customerIdentities.id, identityId))
        .returning();
      row = updated ?? row;
    }
    if (input.isPrimary === true && !row.isPrimary) row = await makePrimary(tx, customerId, row);
    if (input.isPrimary === false && row.isPrimary) {
      await dropPrimary(tx, customer, row);
      const [updated] = await tx
        .update(customerIdentities)
        .set({ isPrimary: false })
        .where(eq(customerIdentities.id, identityId))
        .returning();
      row = updated ?? row;
    }
    const a = auditableIdentity(before);
    const b = auditableIdentity(row);
    if (JSON.stringify(a) === JSON.stringify(b)) return toIdentityView(row);
    await tx.update(customers).set({ updatedAt: new Date() }).where(eq(customers.id, customerId));
    await recordAudit(tx, actor, {
      entityType: 'customer',
      entityId: customerId,
      action: 'identity_update',
      before: a,
      after: b,
    });
    await emitEvent(tx, {
      topic: 'customer.identity_updated',
      aggregateType: 'customer',
      aggregateId: customerId,
      payload: { identityId, kind: row.kind, status: row.status, isPrimary: row.isPrimary },
    });
    return toIdentityView(row);
  });
}
