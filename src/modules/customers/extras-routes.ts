import type { AppDeps } from '../../core/http/app-env.ts';
import { newRouter } from '../../core/http/router.ts';
import { mountAddressRoutes } from './address-routes.ts';
import { mountCompanyContactRoutes } from './company-contact-routes.ts';
import { mountCustomFieldRoutes } from './custom-field-routes.ts';
import { mountReferralRoutes } from './referral-routes.ts';

/** Profile extras: custom field definitions, addresses, buying centre, referrals. */
export function customerExtrasRoutes(deps: AppDeps) {
  const { db } = deps.database;
  const r = newRouter();
  mountCustomFieldRoutes(r, db);
  mountAddressRoutes(r, db);
  mountCompanyContactRoutes(r, db);
  mountReferralRoutes(r, db);
  return r;
}
