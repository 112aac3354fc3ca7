import { authorize, scopeFor } from '../../core/auth/authorize.ts';
import type { Principal } from '../../core/auth/principal.ts';
import { AppError } from '../../core/errors/app-error.ts';

/** Anyone who may read sales records may read the catalogue (to quote and sell from it). */
export function authorizeCatalogueRead(principal: Principal): void {
  authorize(principal, 'sales', 'read');
}

/**
 * Changing the catalogue is for those who may change sales records beyond their own:
 * managers, admins and owners. A salesperson sees prices but does not set them.
 */
export function authorizeCatalogueChange(principal: Principal): void {
  authorize(principal, 'sales', 'update');
  if (scopeFor(principal, 'sales') === 'own') throw new AppError('catalogue_forbidden');
}
