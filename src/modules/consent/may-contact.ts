import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { customers } from '../customers/index.ts';
import { type ConsentFact, type ContactDecision, decideContact } from './consent-decision.ts';
import type { ContactChannel } from './consent-input.ts';
import { consentPurposes, consentRecords, consentState } from './schema.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface MayContactQuery {
  customerId: string;
  channel: ContactChannel;
  /** A purpose code, e.g. 'marketing' or 'service_updates'. */
  purpose: string;
  /** Decide as of this moment from the full history (default: now, from the current state). */
  at?: Date;
}

export interface MayContactManyQuery {
  customerIds: readonly string[];
  channel: ContactChannel;
  purpose: string;
  at?: Date;
}

/**
 * "May I contact this customer on this channel for this purpose now?" — the one question
 * every module asks before a message leaves (campaigns, journeys, service notices).
 *
 * - Only an active profile may be contacted: merged (ask about the survivor) or erased → no.
 * - A purpose resting on consent (marketing, profiling, …): yes only if the latest record on
 *   (purpose, channel) or (purpose, 'any') is a grant; a later withdrawal or denial on that
 *   channel or on 'any' wins. No record → no.
 * - A purpose resting on another lawful basis (service_updates: contract): yes unless the
 *   person objected (latest record withdrawn/denied).
 * - Unknown or inactive purpose → no.
 *
 * Result: { allowed, reason, basis?, recordId? }; reason is one of CONTACT_REASONS.
 */
export async function mayContact(db: DbOrTx, query: MayContactQuery): Promise<ContactDecision> {
  const { customerId, ...rest } = query;
  const decisions = await mayContactMany(db, { customerIds: [customerId], ...rest });
  return decisions.get(customerId) ?? { allowed: false, reason: 'customer_not_found' };
}

/** The batch form for campaigns: one decision per id, in a fixed number of queries. */
export async function mayContactMany(db: DbOrTx, query: MayContactManyQuery): Promise<Map<string, ContactDecision>> {
  const result = new Map<string, ContactDecision>();
  for (const id of query.customerIds) result.set(id, { allowed: false, reason: 'customer_not_found' });
  // One array parameter, so a campaign's 100k ids stay within PostgreSQL's parameter limit.
  const ids = [...new Set(query.customerIds)].filter((id) => UUID.test(id));
  if (ids.length === 0) return result;
  const idArray = `{${ids.join(',')}}`;
  const [purpose] = await db
    .select({ basis: consentPurposes.lawfulBasis, active: consentPurposes.active })
    .from(consentPurposes)
    .where(eq(consentPurposes.code, query.purpose));
  const profiles = await db
    .select({ id: customers.id, status: customers.status })
    .from(customers)
    .where(sql`${customers.id} = any(${idArray}::uuid[])`);
  const facts = await factsFor(db, idArray, query);
  for (const p of profiles) {
    if (!purpose?.active) result.set(p.id, { allowed: false, reason: 'purpose_unknown' });
    else if (p.status !== 'active') result.set(p.id, { allowed: false, reason: 'profile_inactive' });
    else result.set(p.id, decideContact(purpose.basis, query.channel, facts.get(p.id) ?? []));
  }
  return result;
}

async function factsFor(
  db: DbOrTx,
  idArray: string,
  query: Omit<MayContactManyQuery, 'customerIds'>,
): Promise<Map<string, ConsentFact[]>> {
  const channels = [query.channel, 'any'];
  const rows = query.at
    ? await db
        .selectDistinctOn([consentRecords.customerId, consentRecords.channel], {
          customerId: consentRecords.customerId,
          channel: consentRecords.channel,
          status: consentRecords.status,
          lawfulBasis: consentRecords.lawfulBasis,
          recordId: consentRecords.id,
          at: consentRecords.recordedAt,
        })
        .from(consentRecords)
        .where(
          and(
            sql`${consentRecords.customerId} = any(${idArray}::uuid[])`,
            eq(consentRecords.purpose, query.purpose),
            inArray(consentRecords.channel, channels),
            lte(consentRecords.recordedAt, query.at),
          ),
        )
        .orderBy(
          consentRecords.customerId,
          consentRecords.channel,
          desc(consentRecords.recordedAt),
          // On a tie within one moment, a refusal is the latest word.
          sql`(${consentRecords.status} = 'granted')`,
        )
    : await db
        .select({
          customerId: consentState.customerId,
          channel: consentState.channel,
          status: consentState.status,
          lawfulBasis: consentState.lawfulBasis,
          recordId: consentState.recordId,
          at: consentState.updatedAt,
        })
        .from(consentState)
        .where(
          and(
            sql`${consentState.customerId} = any(${idArray}::uuid[])`,
            eq(consentState.purpose, query.purpose),
            inArray(consentState.channel, channels),
          ),
        );
  const byCustomer = new Map<string, ConsentFact[]>();
  for (const r of rows) {
    const list = byCustomer.get(r.customerId) ?? [];
    list.push(r);
    byCustomer.set(r.customerId, list);
  }
  return byCustomer;
}
