import type { ModuleDefinition } from '../../core/module.ts';
import { scheduleBackfill } from './backfill-customers.ts';
import { customerErrors } from './errors.ts';
import { customerExtrasErrors } from './extras-errors.ts';
import { customerExtrasRoutes } from './extras-routes.ts';
import { customerRoutes } from './routes.ts';

/** Customers: the shared customer database, with record-level visibility. */
export const customersModule: ModuleDefinition = {
  name: 'customers',
  routes: (deps) => customerRoutes(deps).route('/', customerExtrasRoutes(deps)),
  errors: { ...customerErrors, ...customerExtrasErrors },
  register: (runtime) => scheduleBackfill(runtime),
};

export { backfillCustomers } from './backfill-customers.ts';

export { createCustomer } from './create-customer.ts';
export { type CustomFieldDefinitionRow, checkCustomFields } from './custom-field-values.ts';
export {
  type CreateCustomerInput,
  CUSTOMER_KINDS,
  createCustomerSchema,
  deriveDisplayName,
  KNOWN_SOURCES,
  type UpdateCustomerInput,
  updateCustomerSchema,
} from './customer-input.ts';
export { type CustomerView, customerViewSchema, toCustomerView } from './customer-view.ts';
export { type CustomerSummary, customerSummarySchema, toCustomerSummary } from './extras-summary.ts';
export { getCustomer, visibleCustomer } from './get-customer.ts';
export {
  IDENTIFIER_KINDS,
  type Identifier,
  type IdentifierKind,
  identifierKey,
  matchRule,
  normaliseIdentifier,
} from './identifiers.ts';
export { claimIdentity, IDENTITY_KIND_LABELS, type IdentityRow, identifierInUse } from './identity-claim.ts';
export { type ListCustomersInput, listCustomers, listCustomersQuerySchema } from './list-customers.ts';
export {
  CUSTOMER_SORTS,
  type CustomerListFilter,
  type CustomerListFilterInput,
  type CustomerSort,
  customerListFilterSchema,
  customerListWhere,
} from './list-filters.ts';
export { customerAfterCursor, customerCursorKey, customerOrder } from './list-sort.ts';
export { columnOfKind, PRIMARY_CONTACTS, syncPrimaryIdentities } from './primary-identities.ts';
export {
  COMPANY_SIZE_LABELS,
  COMPANY_SIZES,
  CUSTOMER_STATUSES,
  CUSTOMER_TYPE_LABELS,
  CUSTOMER_TYPES,
  GENDER_LABELS,
  GENDERS,
  IDENTITY_STATUSES,
  INCOME_BAND_LABELS,
  INCOME_BANDS,
} from './profile-codes.ts';
export { validThaiTaxId } from './profile-fields.ts';
export { countReferrals } from './referral-list.ts';
export { refreshSearchText } from './refresh-search-text.ts';
export { companyContacts, customerAddresses, customerIdentities, customers, customFieldDefinitions } from './schema.ts';
export { customerSearchText, searchQuery, searchWords } from './search-text.ts';
export { normalisePhone, type PhoneKind, type PhoneResult, phoneSearchDigits } from './thai-phone.ts';
export { updateCustomer } from './update-customer.ts';
export { validateInput } from './validate-input.ts';
