import type { ModuleDefinition } from '../../core/module.ts';
import { privacyErrors } from './errors.ts';
import { privacyRoutes } from './routes.ts';

/** Privacy (PDPA): data-subject export and erasure. */
export const privacyModule: ModuleDefinition = {
  name: 'privacy',
  routes: privacyRoutes,
  errors: privacyErrors,
};

export { type CustomerDataExport, collectCustomerData } from './collect-customer-data.ts';
export { eraseCustomer } from './erase-customer.ts';
export { exportCustomerData } from './export-customer-data.ts';
export { dataSubjectRequests } from './schema.ts';
export { ERASED_NAME } from './scrub-customer-data.ts';
