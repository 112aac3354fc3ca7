import { createHmac, timingSafeEqual } from 'node:crypto';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { CONSENT_CHANNELS, type ConsentChannel } from './consent-input.ts';
import { consentLinkSecret } from './instance-secret.ts';

export interface LinkSubject {
  customerId: string;
  purpose: string;
  channel: ConsentChannel;
}

export interface WithdrawalLink {
  token: string;
  /** The bilingual page the customer opens: /consent/<token>. */
  path: string;
  /** The JSON endpoint behind it: /api/v1/public/consent/<token>. */
  apiPath: string;
}

const VERSION = 1;

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`consent-withdrawal:${payload}`).digest('base64url');
}

/**
 * A link the customer can open to withdraw consent for one purpose and channel (or every
 * channel with 'any'), without signing in. The token is <payload>.<HMAC-SHA256>; the
 * payload names the customer, purpose and channel, so nothing needs storing and a
 * changed character fails the check. No expiry: a withdrawal link must keep working.
 */
export async function consentWithdrawalLink(db: DbOrTx, subject: LinkSubject): Promise<WithdrawalLink> {
  const payload = Buffer.from(JSON.stringify([VERSION, subject.customerId, subject.purpose, subject.channel])).toString(
    'base64url',
  );
  const token = `${payload}.${sign(await consentLinkSecret(db), payload)}`;
  return { token, path: `/consent/${token}`, apiPath: `/api/v1/public/consent/${token}` };
}

/** The subject of a genuine token; anything else (tampered, truncated, foreign) is refused alike. */
export async function verifyWithdrawalToken(db: DbOrTx, token: string): Promise<LinkSubject> {
  const invalid = new AppError('consent_link_invalid');
  const match = /^([A-Za-z0-9_-]{1,400})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match?.[1] || !match[2]) throw invalid;
  const expected = Buffer.from(sign(await consentLinkSecret(db), match[1]));
  const given = Buffer.from(match[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(match[1], 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  if (!Array.isArray(parsed) || parsed.length !== 4 || parsed[0] !== VERSION) throw invalid;
  const [, customerId, purpose, channel] = parsed as unknown[];
  if (typeof customerId !== 'string' || typeof purpose !== 'string') throw invalid;
  if (!(CONSENT_CHANNELS as readonly unknown[]).includes(channel)) throw invalid;
  return { customerId, purpose, channel: channel as ConsentChannel };
}
