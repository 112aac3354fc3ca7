import { z } from '@hono/zod-openapi';
import { and, eq, inArray, or } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import { roleAllows } from '../../core/auth/roles.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { customerIdentities, customers, visibleCustomer } from '../customers/index.ts';
import { visibleLead } from './lead-access.ts';
import { leads } from './schema.ts';

export const leadDuplicateSchema = z
  .object({
    kind: z.enum(['lead', 'customer']),
    id: z.string().uuid(),
    name: z.string(),
    matchedBy: z.array(z.enum(['email', 'phone'])),
  })
  .openapi('LeadDuplicate');
export type LeadDuplicate = z.infer<typeof leadDuplicateSchema>;

type Contact = { id: string; email: string | null; phone: string | null; status: string };

const OPEN = ['new', 'contacted', 'qualified'];

function add(
  map: Map<string, LeadDuplicate[]>,
  leadId: string,
  dupe: Omit<LeadDuplicate, 'matchedBy'>,
  by: 'email' | 'phone',
) {
  const list = map.get(leadId) ?? [];
  const same = list.find((d) => d.kind === dupe.kind && d.id === dupe.id);
  if (same) {
    if (!same.matchedBy.includes(by)) same.matchedBy.push(by);
  } else list.push({ ...dupe, matchedBy: [by] });
  map.set(leadId, list);
}

/**
 * Possible duplicates of open leads: other open leads and active customers with the same
 * normalised email (lower-cased) or phone (E.164). Two queries for any number of leads,
 * on the leads email/phone indexes and the customer_identities (kind, system, value) key.
 * Only records the caller may see are named; converted or disqualified leads have none.
 */
export async function findLeadDuplicates(
  db: DbOrTx,
  actor: Actor,
  rows: readonly Contact[],
): Promise<Map<string, LeadDuplicate[]>> {
  const out = new Map<string, LeadDuplicate[]>();
  const open = rows.filter((r) => OPEN.includes(r.status) && (r.email || r.phone));
  if (open.length === 0) return out;
  const emails = [...new Set(open.flatMap((r) => (r.email ? [r.email] : [])))];
  const phones = [...new Set(open.flatMap((r) => (r.phone ? [r.phone] : [])))];
  const byEmail = (email: string) => open.filter((r) => r.email === email);
  const byPhone = (phone: string) => open.filter((r) => r.phone === phone);

  const others = await db
    .select({ id: leads.id, name: leads.displayName, email: leads.email, phone: leads.phone })
    .from(leads)
    .where(
      visibleLead(
        actor,
        inArray(leads.status, OPEN),
        or(
          emails.length ? inArray(leads.email, emails) : undefined,
          phones.length ? inArray(leads.phone, phones) : undefined,
        ),
      ),
    )
    .limit(500);
  for (const o of others) {
    const dupe = { kind: 'lead' as const, id: o.id, name: o.name };
    if (o.email) for (const r of byEmail(o.email)) if (r.id !== o.id) add(out, r.id, dupe, 'email');
    if (o.phone) for (const r of byPhone(o.phone)) if (r.id !== o.id) add(out, r.id, dupe, 'phone');
  }

  if (!roleAllows(actor.principal.role, 'customers', 'read')) return out;
  const matches = await db
    .select({
      id: customers.id,
      name: customers.displayName,
      kind: customerIdentities.kind,
      value: customerIdentities.value,
    })
    .from(customerIdentities)
    .innerJoin(customers, eq(customers.id, customerIdentities.customerId))
    .where(
      visibleCustomer(
        actor,
        eq(customers.status, 'active'),
        eq(customerIdentities.system, ''),
        or(
          emails.length
            ? and(eq(customerIdentities.kind, 'email'), inArray(customerIdentities.value, emails))
            : undefined,
          phones.length
            ? and(eq(customerIdentities.kind, 'phone'), inArray(customerIdentities.value, phones))
            : undefined,
        ),
      ),
    )
    .limit(500);
  for (const m of matches) {
    const dupe = { kind: 'customer' as const, id: m.id, name: m.name };
    if (m.kind === 'email') for (const r of byEmail(m.value)) add(out, r.id, dupe, 'email');
    if (m.kind === 'phone') for (const r of byPhone(m.value)) add(out, r.id, dupe, 'phone');
  }
  return out;
}
