import type { CustomerRecord } from '../../../queries/dataops-api.ts';

/**
 * What a merge lets the user choose, in display order: one field, or a group of fields that
 * only make sense together (an address; an owner with their team). Same keys as the
 * server's `fieldChoices` (src/modules/dedupe/merge-fields.ts).
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
  owner: ['ownerName', 'ownerId'],
} as const;
export type ChoiceKey = keyof typeof CHOICE_GROUPS;
const CHOICE_KEYS = Object.keys(CHOICE_GROUPS) as ChoiceKey[];

/** Lists are joined by the merge (union), so they are shown but not chosen. */
export const UNION_FIELDS = ['tags', 'interests'] as const;

export function hasValue(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

export function showValue(value: unknown): string {
  if (!hasValue(value)) return '';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A choice's value as shown: the group's fields joined (the owner by name when the view has it). */
export function choiceValue(record: CustomerRecord, key: ChoiceKey): string {
  if (key === 'owner') return showValue(record.ownerName) || showValue(record.ownerId);
  return CHOICE_GROUPS[key]
    .map((field) => showValue(record[field]))
    .filter(Boolean)
    .join(', ');
}

/** The choices at least one profile has a value for, and whether the profiles disagree on it. */
export function comparedFields(records: CustomerRecord[]): { field: ChoiceKey; differs: boolean }[] {
  return CHOICE_KEYS.filter((key) => records.some((record) => choiceValue(record, key) !== '')).map((key) => {
    const values = new Set(records.map((record) => choiceValue(record, key)));
    return { field: key, differs: values.size > 1 };
  });
}

/**
 * The default choice per field: the survivor's value when it has one, else the first other
 * profile that has one (the server applies a like rule to choices left out).
 */
export function defaultChoices(records: CustomerRecord[], survivorId: string): Record<string, string> {
  const survivor = records.find((record) => record.id === survivorId);
  const choices: Record<string, string> = {};
  for (const { field } of comparedFields(records)) {
    if (survivor && choiceValue(survivor, field) !== '') choices[field] = survivor.id;
    else {
      const other = records.find((record) => choiceValue(record, field) !== '');
      if (other) choices[field] = other.id;
    }
  }
  return choices;
}
