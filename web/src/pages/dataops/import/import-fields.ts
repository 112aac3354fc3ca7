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

/** Order fields an orders import column can fill (the server's ORDER_IMPORT_FIELDS). */
export const ORDER_IMPORT_FIELDS = [
  'customerExternalId',
  'email',
  'phone',
  'customerName',
  'orderId',
  'orderedAt',
  'amount',
  'currency',
  'quantity',
  'productName',
  'sku',
  'status',
  'source',
] as const;
export type OrderImportField = (typeof ORDER_IMPORT_FIELDS)[number];

export function isOrderImportField(value: string): value is OrderImportField {
  return (ORDER_IMPORT_FIELDS as readonly string[]).includes(value);
}

/** The columns mapped to a field, without the ones left out (mapped to nothing). */
export function cleanMapping(mapping: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(mapping).filter(([, field]) => field !== ''));
}
