import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import {
  type ContactLinkView,
  type LinkContactInput,
  linkContactSchema,
  toContactLinkView,
} from './company-contact-input.ts';
import { lockContactPair } from './company-contact-pair.ts';
import { touchCustomers } from './extras-target.ts';
import { companyContacts } from './schema.ts';
import { validateInput } from './validate-input.ts';

/** Links a person to a company's buying centre with a role; both must be visible to the caller. */
export async function linkContact(
  db: DbOrTx,
  actor: Actor,
  companyId: string,
  raw: LinkContactInput,
): Promise<ContactLinkView> {
  authorize(actor.principal, 'customers', 'update');
  const input = validateInput(linkContactSchema, raw);
  return db.transaction(async (tx) => {
    await lockContactPair(tx, actor, companyId, input.personId);
    const [row] = await tx
      .insert(companyContacts)
      .values({ companyId, personId: input.personId, role: input.role, jobTitle: input.jobTitle ?? null })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('contact_exists');
    await touchCustomers(tx, [companyId, input.personId]);
    await recordAudit(tx, actor, {
      entityType: 'customer',
      entityId: companyId,
      action: 'contact_link',
      after: { contact: { personId: row.personId, role: row.role, jobTitle: row.jobTitle } },
    });
    await emitEvent(tx, {
      topic: 'customer.contact_linked',
      aggregateType: 'customer',
      aggregateId: companyId,
      payload: { personId: row.personId, role: row.role },
    });
    return toContactLinkView(row);
  });
}
