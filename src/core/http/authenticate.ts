import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import type { Principal } from '../auth/principal.ts';
import { principalFromApiToken, principalFromSession } from '../auth/resolve-credentials.ts';
import { csrfTokenFor } from '../auth/secret-tokens.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import { localeFromAcceptLanguage } from '../i18n/locale.ts';
import type { AppEnv } from './app-env.ts';
import { clientIp } from './client-ip.ts';

export const SESSION_COOKIE = 'sampan_session';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Paths under /api/v1 that are public by design. Everything else needs credentials. */
const PUBLIC_PATHS = new Set(['/api/v1/setup/status', '/api/v1/setup', '/api/v1/auth/login']);
/**
 * Routes under this prefix are public by design and never see a caller (so no CSRF check
 * either): each carries its own proof, e.g. a signed consent-withdrawal token.
 */
export const PUBLIC_PREFIX = '/api/v1/public/';

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Resolves the caller from `Authorization: Bearer` or the session cookie, enforces CSRF
 * on cookie-authenticated writes, and refuses every non-public API path without a caller.
 */
export function authenticate(db: Db): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.path.startsWith(PUBLIC_PREFIX)) return next();
    const auth = c.req.header('authorization');
    const cookie = getCookie(c, SESSION_COOKIE);
    let principal: Principal | undefined;
    if (auth) {
      const match = /^Bearer\s+(\S+)$/i.exec(auth);
      if (!match?.[1]) throw new AppError('invalid_token');
      principal = await principalFromApiToken(db, match[1]);
    } else if (cookie) {
      principal = await principalFromSession(db, cookie);
      if (!principal) {
        deleteCookie(c, SESSION_COOKIE, { path: '/' });
        if (!PUBLIC_PATHS.has(c.req.path)) throw new AppError('session_expired');
      } else {
        c.set('sessionToken', cookie);
        if (!SAFE_METHODS.has(c.req.method)) {
          const sent = c.req.header(CSRF_HEADER) ?? '';
          if (!sameText(sent, csrfTokenFor(cookie))) throw new AppError('csrf_failed');
        }
      }
    }
    if (principal) {
      c.set('actor', {
        principal,
        source: principal.type === 'token' ? 'api' : 'web',
        ip: clientIp(c),
        requestId: c.get('requestId'),
      });
      if (!localeFromAcceptLanguage(c.req.header('accept-language')) && principal.locale)
        c.set('locale', principal.locale);
    } else if (!PUBLIC_PATHS.has(c.req.path)) {
      throw new AppError('unauthenticated');
    }
    await next();
  };
}
