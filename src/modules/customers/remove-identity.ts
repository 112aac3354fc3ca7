import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { lockEditableCustomer } from './editable-customer.ts';
import { dropPrimary } from './identity-primary.ts';
import { auditableIdentity } from './identity-view.ts';
import { refreshSearchText } from './refresh-search-text.ts';
import { customerIdentities, customers } from './schema.ts';

/**
 * Removes an identifier from a customer, freeing it for another profile. Removing the
 * primary email/phone/LINE clears that column of the profile.
 */
export async function removeIdentity(db: DbOrTx, actor: Actor, customerId: string, identityId: string): Promise<void> {
  authorize(actor.principal, 'customers', 'update');
  await db.transaction(async (tx) => {
    const customer = await lockEditableCustomer(tx, actor, customerId);
    const [row] = await tx
      .delete(customerIdentities)
      .where(and(eq(customerIdentities.id, identityId), eq(customerIdentities.customerId, customerId)))
      .returning();
    if (!row) throw new AppError('not_found');
    if (row.isPrimary) await dropPrimary(tx, customer, row);
    await tx.update(customers).set({ updatedAt: new Date() }).where(eq(customers.id, customerId));
    await refreshSearchText(tx, [customerId]);
    await recordAudit(tx, actor, {
      entityType: 'customer',
      entityId: customerId,
      action: 'identity_remove',
      before: auditableIdentity(row),
    });
    await emitEvent(tx, {
      topic: 'customer.identity_removed',
      aggregateType: 'customer',
      aggregateId: customerId,
      payload: { identityId, kind: row.kind, system: row.system, wasPrimary: row.isPrimary },
    });
  });
}
