import type { ModuleDefinition } from '../../core/module.ts';
import { identityErrors } from './errors.ts';
import { identityRoutes } from './routes.ts';

/** Identity resolution: one profile per real person across every touchpoint. */
export const identityModule: ModuleDefinition = {
  name: 'identity',
  routes: identityRoutes,
  errors: identityErrors,
};

export { findOwners, type IdentityOwner, lockIdentifiers, lockKey } from './identifier-locks.ts';
export {
  INBOUND_CHANNELS,
  type InboundChannel,
  type InboundRecord,
  inboundSchema,
  type NormalisedInbound,
  normaliseInbound,
} from './inbound-input.ts';
export { type IdentityConflict, type MatchedBy, type Resolution, resolutionSchema } from './resolution-view.ts';
export { resolveCustomer } from './resolve-customer.ts';
export { type BatchOutcome, MAX_BATCH, resolveCustomers } from './resolve-customers.ts';
