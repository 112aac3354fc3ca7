import { and, eq, inArray, isNotNull, isNull, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import { consentState } from '../consent/index.ts';
import { customerAddresses, customerIdentities, customers } from '../customers/index.ts';

/** Profile fields whose completeness the report measures, in display order. */
export const COMPLETENESS_FIELDS = [
  'email',
  'phone',
  'line',
  'birthday',
  'gender',
  'address',
  'owner',
  'consent',
] as const;
export type CompletenessField = (typeof COMPLETENESS_FIELDS)[number];

/** Identity statuses that mean "this contact cannot be reached". */
export const UNREACHABLE_STATUSES = ['invalid', 'bounced', 'unreachable'] as const;

/** The checks that have a list of customers to fix (GET /data-quality/{check}/customers). */
export const LIST_CHECKS = [
  ...COMPLETENESS_FIELDS.map((f) => `missing-${f}` as const),
  'unreachable',
  'stale',
  'consent-gaps',
] as const;
export type ListCheck = (typeof LIST_CHECKS)[number];

export const MARKETING_PURPOSE = 'marketing';

const PERSON_ONLY: ReadonlySet<CompletenessField> = new Set(['birthday', 'gender']);

/** Which customers a field applies to: birthday and gender are asked of people only. */
export function fieldAppliesTo(field: CompletenessField): SQL | undefined {
  return PERSON_ONLY.has(field) ? eq(customers.kind, 'person') : undefined;
}

/**
 * Facts about a customer that live in other tables. Lists (few rows, by index) ask with
 * EXISTS; the report (every visible row) joins pre-aggregated tables instead, see
 * quality-counts.ts.
 */
export interface RelatedFacts {
  marketingGranted: SQL;
  anyMarketingRecord: SQL;
  extraAddress: SQL;
  unreachable: SQL;
}

export const existsFacts: RelatedFacts = {
  marketingGranted: sql`exists (select 1 from ${consentState} where ${consentState.customerId} = ${customers.id}
    and ${consentState.purpose} = ${MARKETING_PURPOSE} and ${consentState.status} = 'granted')`,
  anyMarketingRecord: sql`exists (select 1 from ${consentState} where ${consentState.customerId} = ${customers.id}
    and ${consentState.purpose} = ${MARKETING_PURPOSE})`,
  extraAddress: sql`exists (select 1 from ${customerAddresses} where ${customerAddresses.customerId} = ${customers.id}
    and (${customerAddresses.province} is not null or ${customerAddresses.postcode} is not null))`,
  unreachable: sql`exists (select 1 from ${customerIdentities} where ${customerIdentities.customerId} = ${customers.id}
    and ${inArray(customerIdentities.status, [...UNREACHABLE_STATUSES])})`,
};

/** When a customer counts as having the field. */
export function fieldFilled(field: CompletenessField, facts: RelatedFacts = existsFacts): SQL {
  switch (field) {
    case 'email':
      return isNotNull(customers.email);
    case 'phone':
      return isNotNull(customers.phone);
    case 'line':
      return isNotNull(customers.lineId);
    case 'birthday':
      return isNotNull(customers.birthday);
    case 'gender':
      // "unspecified" records that nobody knows, so the profile still lacks it.
      return and(isNotNull(customers.gender), ne(customers.gender, 'unspecified')) as SQL;
    case 'address':
      return or(isNotNull(customers.province), isNotNull(customers.postcode), facts.extraAddress) as SQL;
    case 'owner':
      return isNotNull(customers.ownerId);
    case 'consent':
      return facts.marketingGranted;
  }
}

/** Has at least one identity marked invalid, bounced or unreachable. */
export function unreachable(facts: RelatedFacts = existsFacts): SQL {
  return facts.unreachable;
}

/** Neither updated nor contacted in the last `months` months. */
export function stale(months: number): SQL {
  const cutoff = sql`now() - make_interval(months => ${months}::int)`;
  return and(
    lt(customers.updatedAt, cutoff),
    or(isNull(customers.lastContactedAt), lt(customers.lastContactedAt, cutoff)),
  ) as SQL;
}

/** Reachable by email, phone or LINE, but no marketing consent record (any status) on file. */
export function consentGap(facts: RelatedFacts = existsFacts): SQL {
  return and(
    or(isNotNull(customers.email), isNotNull(customers.phone), isNotNull(customers.lineId)),
    sql`not (${facts.anyMarketingRecord})`,
  ) as SQL;
}

/** The condition a list check selects. */
export function checkCondition(check: ListCheck, staleMonths: number): SQL {
  if (check === 'unreachable') return unreachable();
  if (check === 'stale') return stale(staleMonths);
  if (check === 'consent-gaps') return consentGap();
  const field = check.slice('missing-'.length) as CompletenessField;
  return and(fieldAppliesTo(field), sql`not (${fieldFilled(field)})`) as SQL;
}
