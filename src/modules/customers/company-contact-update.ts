import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import {
  type ContactLinkView,
  toContactLinkView,
  type UpdateContactInput,
  updateContactSchema,
} from './company-contact-input.ts';
import { lockContactPair } from './company-contact-pair.ts';
import { touchCustomers } from './extras-target.ts';
import { companyContacts } from './schema.ts';
import { validateInput } from './validate-input.ts';

export function linkOf(companyId: string, personId: string) {
  return and(eq(companyContacts.companyId, companyId), eq(companyContacts.personId, personId));
}

/** Changes a contact's role or job title in a company's buying centre. */
export async function updateContact(
  db: DbOrTx,
  actor: Actor,
  companyId: string,
  personId: string,
  raw: UpdateContactInput,
): Promise<ContactLinkView> {
  authorize(actor.principal, 'customers', 'update');
  const input = validateInput(updateContactSchema, raw);
  return db.transaction(async (tx) => {
    await lockContactPair(tx, actor, companyId, personId);
    const [before] = await tx.select().from(companyContacts).where(linkOf(companyId, personId));
    if (!before) throw new AppError('not_found');
    if (Object.keys(input).length === 0) return toContactLinkView(before);
    const [row] = await tx.update(companyContacts).set(input).where(linkOf(companyId, personId)).returning();
    if (!row) throw new Error('update returned no row');
    await touchCustomers(tx, [companyId, personId]);
    await recordAudit(tx, actor, {
      entityType: 'customer',
      entityId: companyId,
      action: 'contact_update',
      before: { contact: { personId, role: before.role, jobTitle: before.jobTitle } },
      after: { contact: { personId, role: row.role, jobTitle: row.jobTitle } },
    });
    await emitEvent(tx, {
      topic: 'customer.contact_changed',
      aggregateType: 'customer',
      aggregateId: companyId,
      payload: { personId, role: row.role },
    });
    return toContactLinkView(row);
  });
}
