import type { ConsentChannel, ContactChannel } from './consent-input.ts';

/** Why contact is allowed or not; stable codes other modules may branch on. */
export const CONTACT_REASONS = [
  'consent_granted',
  'lawful_basis',
  'no_consent',
  'consent_withdrawn',
  'consent_denied',
  'objected',
  'profile_inactive',
  'customer_not_found',
  'purpose_unknown',
] as const;
export type ContactReason = (typeof CONTACT_REASONS)[number];

export interface ContactDecision {
  allowed: boolean;
  reason: ContactReason;
  /** The lawful basis the decision rests on, when there is one. */
  basis?: string;
  /** The consent record that decided, when one did. */
  recordId?: string;
}

/** One consent state (or historical record) on the purpose asked about. */
export interface ConsentFact {
  channel: string;
  status: string;
  lawfulBasis: string;
  recordId: string;
  at: Date;
}

/**
 * The decision table, as a pure function. Of the facts on the channel asked about and on
 * 'any', the latest decides (on a tie, a refusal wins: when in doubt, do not contact):
 * granted → allowed; withdrawn/denied → refused (an objection for non-consent purposes).
 * No fact: a purpose resting on consent is refused, any other lawful basis is allowed.
 */
export function decideContact(
  purposeBasis: string,
  channel: ContactChannel | ConsentChannel,
  facts: readonly ConsentFact[],
): ContactDecision {
  let latest: ConsentFact | undefined;
  for (const f of facts) {
    if (f.channel !== channel && f.channel !== 'any') continue;
    if (
      !latest ||
      f.at.getTime() > latest.at.getTime() ||
      (f.at.getTime() === latest.at.getTime() && f.status !== 'granted')
    ) {
      latest = f;
    }
  }
  if (!latest) {
    return purposeBasis === 'consent'
      ? { allowed: false, reason: 'no_consent' }
      : { allowed: true, reason: 'lawful_basis', basis: purposeBasis };
  }
  const decided = { basis: latest.lawfulBasis, recordId: latest.recordId };
  if (latest.status === 'granted') return { allowed: true, reason: 'consent_granted', ...decided };
  if (purposeBasis !== 'consent') return { allowed: false, reason: 'objected', ...decided };
  return { allowed: false, reason: latest.status === 'denied' ? 'consent_denied' : 'consent_withdrawn', ...decided };
}
