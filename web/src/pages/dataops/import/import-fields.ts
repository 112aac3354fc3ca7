/** Customer fields an import column can fill, in the order the mapping menu lists them. */
export const IMPORT_FIELDS = [
  'displayName',
  'firstName',
  'lastName',
  'firstNameEn',
  'lastNameEn',
  'nickname',
  'kind',
  'customerType',
  'gender',
  'birthday',
  'email',
  'phone',
  'lineId',
  'facebook',
  'posMemberNumber',
  'externalId',
  'externalSystem',
  'addressLine',
  'subDistrict',
  'district',
  'province',
  'postcode',
  'taxId',
  'tags',
  'source',
  'ownerEmail',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export function isImportField(value: string): value is ImportField {
  return (IMPORT_FIELDS as readonly string[]).includes(value);
}

/** The columns mapped to a field, without the ones left out (mapped to nothing). */
export function cleanMapping(mapping: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(mapping).filter(([, field]) => field !== ''));
}
