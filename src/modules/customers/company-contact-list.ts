import { and, asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import type { ContactList } from './company-contact-input.ts';
import { toCustomerSummary } from './extras-summary.ts';
import { readableCustomer } from './extras-target.ts';
import { visibleCustomer } from './get-customer.ts';
import { companyContacts, customers } from './schema.ts';

/**
 * A company's buying centre (its people with roles), or for a person the companies they
 * are a contact of. Linked profiles the caller may not see are counted, not listed.
 */
export async function listContacts(db: DbOrTx, actor: Actor, customerId: string): Promise<ContactList> {
  const target = await readableCustomer(db, actor, customerId);
  const isCompany = target.kind === 'company';
  const ownSide = isCompany ? companyContacts.companyId : companyContacts.personId;
  const otherSide = isCompany ? companyContacts.personId : companyContacts.companyId;
  const rows = await db
    .select({ link: companyContacts, other: customers })
    .from(companyContacts)
    .innerJoin(customers, eq(customers.id, otherSide))
    .where(and(eq(ownSide, customerId), visibleCustomer(actor)))
    .orderBy(asc(customers.displayName), asc(customers.id));
  const [total] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(companyContacts)
    .where(eq(ownSide, customerId));
  return {
    kind: isCompany ? 'company' : 'person',
    items: rows.map(({ link, other }) => ({
      customer: toCustomerSummary(other),
      role: link.role as ContactList['items'][number]['role'],
      jobTitle: link.jobTitle,
      createdAt: link.createdAt.toISOString(),
    })),
    hidden: (total?.n ?? 0) - rows.length,
  };
}
