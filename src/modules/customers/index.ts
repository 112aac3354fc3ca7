import type { ModuleDefinition } from '../../core/module.ts';
import { customerErrors } from './errors.ts';
import { customerRoutes } from './routes.ts';

/** Customers: the shared customer database, with record-level visibility. */
export const customersModule: ModuleDefinition = {
  name: 'customers',
  routes: customerRoutes,
  errors: customerErrors,
};

export { createCustomer } from './create-customer.ts';
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
export { getCustomer, visibleCustomer } from './get-customer.ts';
export { customerSearch, listCustomers } from './list-customers.ts';
export { customers } from './schema.ts';
export { normalisePhone, type PhoneKind, type PhoneResult, phoneSearchDigits } from './thai-phone.ts';
export { updateCustomer } from './update-customer.ts';
