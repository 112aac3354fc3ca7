import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { AppDeps, AppEnv } from './app-env.ts';
import { SESSION_COOKIE } from './authenticate.ts';

function isSecure(c: Context<AppEnv>, deps: AppDeps): boolean {
  if (deps.config.secureCookies !== 'auto') return deps.config.secureCookies === 'true';
  return c.req.header('x-forwarded-proto') === 'https' || new URL(c.req.url).protocol === 'https:';
}

export function setSessionCookie(c: Context<AppEnv>, deps: AppDeps, token: string, expires: Date): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isSecure(c, deps),
    path: '/',
    expires,
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}
