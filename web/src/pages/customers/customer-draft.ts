import type { CustomerInput, CustomerProfile } from '../../queries/customers-types.ts';

export const TEXT_FIELDS = [
  'displayName',
  'firstName',
  'lastName',
  'firstNameEn',
  'lastNameEn',
  'nickname',
  'email',
  'phone',
  'lineId',
  'occupation',
  'addressLine',
  'subDistrict',
  'district',
  'province',
  'postcode',
  'taxId',
  'industry',
  'website',
  'birthday',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export const CHOICE_FIELDS = [
  'kind',
  'customerType',
  'gender',
  'language',
  'incomeBand',
  'companySize',
  'source',
  'ownerId',
  'referredById',
] as const;
export type ChoiceField = (typeof CHOICE_FIELDS)[number];

/** The form's working copy of a customer: text as strings, choices as string | null. */
export interface CustomerDraft {
  text: Record<TextField, string>;
  choice: Record<ChoiceField, string | null>;
  tags: string[];
  interests: string[];
  customFields: Record<string, unknown>;
  referredByLabel: string | null;
}

export function emptyDraft(ownerId: string | null): CustomerDraft {
  return {
    text: Object.fromEntries(TEXT_FIELDS.map((f) => [f, ''])) as Record<TextField, string>,
    choice: {
      kind: 'person',
      customerType: 'consumer',
      gender: null,
      language: null,
      incomeBand: null,
      companySize: null,
      source: null,
      ownerId,
      referredById: null,
    },
    tags: [],
    interests: [],
    customFields: {},
    referredByLabel: null,
  };
}

export function draftOf(customer: CustomerProfile, referredByLabel: string | null): CustomerDraft {
  const text = Object.fromEntries(TEXT_FIELDS.map((f) => [f, customer[f] ?? ''])) as Record<TextField, string>;
  const choice = Object.fromEntries(CHOICE_FIELDS.map((f) => [f, customer[f] ?? null])) as Record<
    ChoiceField,
    string | null
  >;
  return {
    text,
    choice,
    tags: customer.tags,
    interests: customer.interests ?? [],
    customFields: customer.customFields ?? {},
    referredByLabel,
  };
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * What to send. A new customer gets only the fields filled in; an edit gets only the fields
 * that changed, with null for a cleared one (the API treats null and "" as "clear").
 */
export function payloadOf(draft: CustomerDraft, before: CustomerDraft | null): CustomerInput {
  const out: Record<string, unknown> = {};
  for (const field of TEXT_FIELDS) {
    const value = draft.text[field].trim();
    if (before ? value !== before.text[field].trim() : value !== '') out[field] = value === '' ? null : value;
  }
  for (const field of CHOICE_FIELDS) {
    const value = draft.choice[field];
    if (before ? value !== before.choice[field] : value !== null) out[field] = value;
  }
  if (before ? !sameList(draft.tags, before.tags) : draft.tags.length > 0) out.tags = draft.tags;
  if (before ? !sameList(draft.interests, before.interests) : draft.interests.length > 0) {
    out.interests = draft.interests;
  }
  const changedCustom: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(draft.customFields)) {
    const previous = before?.customFields[key];
    if (JSON.stringify(value) === JSON.stringify(previous)) continue;
    const empty = value === '' || value === null || (Array.isArray(value) && value.length === 0);
    if (empty && previous === undefined) continue;
    changedCustom[key] = empty ? null : value;
  }
  if (Object.keys(changedCustom).length > 0) out.customFields = changedCustom;
  return out as CustomerInput;
}
