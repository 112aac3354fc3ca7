import { createHash, randomBytes } from 'node:crypto';

export const API_TOKEN_PREFIX = 'spn_';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function newApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/**
 * The CSRF token is derived from the session token, so it needs no storage, and cannot
 * be computed from anything in the database (which holds only sha256(session token)).
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`csrf:${sessionToken}`).digest('base64url');
}
