import type { ModuleDefinition } from '../../core/module.ts';
import { consentPages } from './consent-page.ts';
import { consentErrors } from './errors.ts';
import { consentRoutes } from './routes.ts';

/** Consent (PDPA): purposes, consent per purpose and channel, withdrawal links, mayContact. */
export const consentModule: ModuleDefinition = {
  name: 'consent',
  routes: consentRoutes,
  pages: consentPages,
  errors: consentErrors,
};

export { CONTACT_REASONS, type ContactDecision, type ContactReason, decideContact } from './consent-decision.ts';
export {
  CONSENT_CHANNELS,
  CONSENT_STATUSES,
  CONTACT_CHANNELS,
  type ConsentChannel,
  type ContactChannel,
  LAWFUL_BASES,
} from './consent-input.ts';
export { type MayContactManyQuery, type MayContactQuery, mayContact, mayContactMany } from './may-contact.ts';
export { consentPurposes, consentRecords, consentState, consentTexts } from './schema.ts';
export { consentWithdrawalLink, type WithdrawalLink } from './withdrawal-link.ts';
