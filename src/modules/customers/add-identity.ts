import { eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { invalidField } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { lockEditableCustomer } from './editable-customer.ts';
import { normaliseIdentifier } from './identifiers.ts';
import { claimIdentity } from './identity-claim.ts';
import { makePrimary } from './identity-primary.ts';
import {
  type AddIdentityInput,
  addIdentitySchema,
  auditableIdentity,
  type IdentityView,
  toIdentityView,
} from './identity-view.ts';
import { refreshSearchText } from './refresh-search-text.ts';
import { customers } from './schema.ts';
import { validateInput } from './validate-input.ts';

/**
 * Adds an identifier to a customer (normalised: email lower-case, phone E.164). One held
 * by another profile → identifier_in_use and nothing written; one this profile already
 * holds is returned unchanged (created: false), so a retried request is harmless.
 */
export async function addIdentity(
  db: DbOrTx,
  actor: Actor,
  customerId: string,
  raw: AddIdentityInput,
): Promise<{ identity: IdentityView; created: boolean }> {
  authorize(actor.principal, 'customers', 'update');
  const input = validateInput(addIdentitySchema, raw);
  const normal = normaliseIdentifier(input.kind, input.value, input.system ?? '');
  if (!normal.ok) {
    const path = input.kind === 'external' && /system/.test(normal.reason) ? 'system' : 'value';
    throw invalidField(path, normal.reason, normal.reasonTh);
  }
  return db.transaction(async (tx) => {
    await lockEditableCustomer(tx, actor, customerId);
    const claimed = await claimIdentity(tx, actor, customerId, normal.identifier, { isPrimary: false, path: 'value' });
    let row = claimed.row;
    if (input.isPrimary && !row.isPrimary) row = await makePrimary(tx, customerId, row);
    if (!claimed.created && row === claimed.row) return { identity: toIdentityView(row), created: false };
    await tx.update(customers).set({ updatedAt: new Date() }).where(eq(customers.id, customerId));
    await refreshSearchText(tx, [customerId]);
    await recordAudit(tx, actor, {
      entityType: 'customer',
      entityId: customerId,
      action: claimed.created ? 'identity_add' : 'identity_update',
      after: auditableIdentity(row),
    });
    await emitEvent(tx, {
      topic: claimed.created ? 'customer.identity_added' : 'customer.identity_updated',
      aggregateType: 'customer',
      aggregateId: customerId,
      payload: { identityId: row.id, kind: row.kind, system: row.system, isPrimary: row.isPrimary },
    });
    return { identity: toIdentityView(row), created: claimed.created };
  });
}
