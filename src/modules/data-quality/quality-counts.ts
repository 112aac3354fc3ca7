import { and, eq, inArray, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { consentState } from '../consent/index.ts';
import { customerAddresses, customerIdentities, customers, visibleCustomer } from '../customers/index.ts';
import {
  COMPLETENESS_FIELDS,
  consentGap,
  fieldAppliesTo,
  fieldFilled,
  MARKETING_PURPOSE,
  type RelatedFacts,
  stale,
  UNREACHABLE_STATUSES,
  unreachable,
} from './quality-checks.ts';

function countWhere(cond: SQL | undefined): SQL<number> {
  return cond ? sql<number>`count(*) filter (where ${cond})::int` : sql<number>`count(*)::int`;
}

export interface QualityCounts {
  n(key: string): number;
  unreachableIdentities: number;
}

/**
 * Every count of the report over the caller's visible active customers in one pass:
 * the related tables are aggregated once and hash-joined, rather than probed per row
 * (several times faster at 100k customers than EXISTS per check).
 */
export async function qualityCounts(db: DbOrTx, actor: Actor, staleMonths: number): Promise<QualityCounts> {
  const consent = db
    .select({
      customerId: consentState.customerId,
      granted: sql<boolean>`bool_or(${consentState.status} = 'granted')`.as('granted'),
    })
    .from(consentState)
    .where(eq(consentState.purpose, MARKETING_PURPOSE))
    .groupBy(consentState.customerId)
    .as('dq_consent');
  const addresses = db
    .selectDistinct({ customerId: customerAddresses.customerId })
    .from(customerAddresses)
    .where(or(isNotNull(customerAddresses.province), isNotNull(customerAddresses.postcode)))
    .as('dq_addresses');
  const dead = db
    .select({ customerId: customerIdentities.customerId, n: sql<number>`count(*)::int`.as('n') })
    .from(customerIdentities)
    .where(inArray(customerIdentities.status, [...UNREACHABLE_STATUSES]))
    .groupBy(customerIdentities.customerId)
    .as('dq_unreachable');
  const facts: RelatedFacts = {
    marketingGranted: sql`coalesce(${consent.granted}, false)`,
    anyMarketingRecord: sql`${consent.customerId} is not null`,
    extraAddress: sql`${addresses.customerId} is not null`,
    unreachable: sql`${dead.customerId} is not null`,
  };
  const selection: Record<string, SQL<number>> = {
    total: countWhere(undefined),
    unreachable: countWhere(unreachable(facts)),
    unreachableIdentities: sql<number>`coalesce(sum(${dead.n}), 0)::int`,
    stale: countWhere(stale(staleMonths)),
    consentGaps: countWhere(consentGap(facts)),
  };
  for (const field of COMPLETENESS_FIELDS) {
    selection[`${field}Total`] = countWhere(fieldAppliesTo(field));
    selection[`${field}Filled`] = countWhere(and(fieldAppliesTo(field), fieldFilled(field, facts)));
  }
  const [counts] = await db
    .select(selection)
    .from(customers)
    .leftJoin(consent, eq(consent.customerId, customers.id))
    .leftJoin(addresses, eq(addresses.customerId, customers.id))
    .leftJoin(dead, eq(dead.customerId, customers.id))
    .where(visibleCustomer(actor, eq(customers.status, 'active')));
  const n = (key: string) => Number(counts?.[key] ?? 0);
  return { n, unreachableIdentities: n('unreachableIdentities') };
}
