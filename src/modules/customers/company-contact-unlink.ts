import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { lockContactPair } from './company-contact-pair.ts';
import { linkOf } from './company-contact-update.ts';
import { touchCustomers } from './extras-target.ts';
import { companyContacts } from './schema.ts';

/** Removes a person from a company's buying centre. */
export async function unlinkContact(db: DbOrTx, actor: Actor, companyId: string, personId: string): Promise<void> {
  authorize(actor.principal, 'customers', 'update');
  await db.transaction(async (tx) => {
    await lockContactPair(tx, actor, companyId, personId);
    const [row] = await tx.delete(companyContacts).where(linkOf(companyId, personId)).returning();
    if (!row) throw new AppError('not_found');
    await touchCustomers(tx, [companyId, personId]);
    await recordAudit(tx, actor, {
      entityType: 'customer',
      entityId: companyId,
      action: 'contact_unlink',
      before: { contact: { personId, role: row.role, jobTitle: row.jobTitle } },
    });
    await emitEvent(tx, {
      topic: 'customer.contact_unlinked',
      aggregateType: 'customer',
      aggregateId: companyId,
      payload: { personId },
    });
  });
}
