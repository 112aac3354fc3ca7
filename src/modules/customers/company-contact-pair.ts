import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { CustomerRow } from './customer-view.ts';
import { lockCustomerForChange } from './extras-target.ts';

/**
 * Locks a company and a person (in id order, so two links of the same pair made at once
 * cannot deadlock) after checking the caller sees both and each is of the right kind.
 */
export async function lockContactPair(
  tx: DbOrTx,
  actor: Actor,
  companyId: string,
  personId: string,
): Promise<{ company: CustomerRow; person: CustomerRow }> {
  if (companyId === personId) throw new AppError('contact_self_link');
  const ordered = companyId < personId ? [companyId, personId] : [personId, companyId];
  const rows = new Map<string, CustomerRow>();
  for (const id of ordered) rows.set(id, await lockCustomerForChange(tx, actor, id));
  const company = rows.get(companyId);
  const person = rows.get(personId);
  if (!company || !person) throw new AppError('not_found');
  if (company.kind !== 'company') throw new AppError('contact_not_company');
  if (person.kind !== 'person') throw new AppError('contact_not_person');
  return { company, person };
}
