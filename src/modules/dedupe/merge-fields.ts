import type { customers } from '../customers/index.ts';

type CustomerRow = typeof customers.$inferSelect;

/**
 * What a merge lets the user choose, per key: one field, or a group of fields that only
 * make sense together (an address, an owner with their team).
 */
export const CHOICE_GROUPS = {
  kind: ['kind'],
  customerType: ['customerType'],
  displayName: ['displayName'],
  firstName: ['firstName'],
  lastName: ['lastName'],
  firstNameEn: ['firstNameEn'],
  lastNameEn: ['lastNameEn'],
  nickname: ['nickname'],
  gender: ['gender'],
  birthday: ['birthday'],
  language: ['language'],
  occupation: ['occupation'],
  incomeBand: ['incomeBand'],
  email: ['email'],
  phone: ['phone'],
  lineId: ['lineId'],
  address: ['addressLine', 'subDistrict', 'district', 'province', 'postcode'],
  taxId: ['taxId'],
  industry: ['industry'],
  companySize: ['companySize'],
  website: ['website'],
  source: ['source'],
  referredById: ['referredById'],
  owner: ['ownerId', 'teamId'],
} as const satisfies Record<string, readonly (keyof CustomerRow)[]>;

export type ChoiceKey = keyof typeof CHOICE_GROUPS;
export const CHOICE_KEYS = Object.keys(CHOICE_GROUPS) as [ChoiceKey, ...ChoiceKey[]];

function present(value: unknown): boolean {
  return value !== null && value !== undefined && value !== '';
}

function hasGroup(row: CustomerRow, key: ChoiceKey): boolean {
  return CHOICE_GROUPS[key].some((f) => present(row[f]));
}

function union(lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())];
}

export interface MergedFields {
  values: Partial<CustomerRow>;
  /** Choice key → id of the profile whose value survived. */
  choices: Record<string, string>;
}

/**
 * The survivor's values after a merge. Per choice key: the profile the user chose, else
 * the survivor's value when it has one, else the most recently updated profile that has
 * one. Tags and interests are the union, custom fields are merged key by key with the
 * same preference, the earliest "customer since" and the latest contact are kept.
 */
export function mergeFields(
  survivor: CustomerRow,
  merged: readonly CustomerRow[],
  requested: Partial<Record<ChoiceKey, string>>,
): MergedFields {
  const all = [survivor, ...merged];
  const byId = new Map(all.map((r) => [r.id, r]));
  const newestFirst = [...merged].sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
  const values: Record<string, unknown> = {};
  const choices: Record<string, string> = {};
  for (const key of CHOICE_KEYS) {
    const chosenId = requested[key];
    const source =
      (chosenId ? byId.get(chosenId) : undefined) ??
      (hasGroup(survivor, key) ? survivor : newestFirst.find((r) => hasGroup(r, key))) ??
      survivor;
    choices[key] = source.id;
    for (const field of CHOICE_GROUPS[key]) values[field] = source[field];
  }
  // A referral cannot point inside the merged profile.
  if (typeof values.referredById === 'string' && byId.has(values.referredById)) values.referredById = null;
  values.tags = union(all.map((r) => r.tags));
  values.interests = union(all.map((r) => r.interests));
  const customFields: Record<string, unknown> = {};
  for (const row of [...newestFirst].reverse()) Object.assign(customFields, row.customFields);
  values.customFields = { ...customFields, ...survivor.customFields };
  values.createdAt = new Date(Math.min(...all.map((r) => r.createdAt.getTime())));
  const contacted = all.map((r) => r.lastContactedAt?.getTime()).filter((t): t is number => t !== undefined);
  values.lastContactedAt = contacted.length ? new Date(Math.max(...contacted)) : null;
  return { values: values as Partial<CustomerRow>, choices };
}
