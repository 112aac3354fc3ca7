import { createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { actorOf } from '../http/actor.ts';
import type { AppDeps } from '../http/app-env.ts';
import { clientIp } from '../http/client-ip.ts';
import { errorResponses, jsonBody, jsonResponse, security } from '../http/openapi-common.ts';
import { newRouter } from '../http/router.ts';
import { clearSessionCookie, setSessionCookie } from '../http/session-cookie.ts';
import { login } from './login.ts';
import type { Actor } from './principal.ts';
import { endSession } from './resolve-credentials.ts';
import { PERMISSIONS } from './roles.ts';
import { users } from './schema.ts';
import { csrfTokenFor } from './secret-tokens.ts';
import { needsSetup, setupInstance, setupSchema } from './setup-instance.ts';
import { updateMe, updateMeSchema } from './update-me.ts';
import { emailSchema } from './user-input.ts';
import { toUserView, userViewSchema } from './user-view.ts';

const grantSchema = z.object({ actions: z.array(z.string()), scope: z.enum(['all', 'team', 'own']) });
const permissionsSchema = z.record(z.string(), grantSchema).openapi('Permissions');
const sessionSchema = z.object({ user: userViewSchema, csrfToken: z.string() }).openapi('SessionGrant');
const setupResultSchema = sessionSchema
  .extend({ demo: z.enum(['loaded', 'failed', 'skipped']).openapi({ description: 'Whether demo data was loaded' }) })
  .openapi('SetupResult');
const meSchema = z
  .object({
    user: userViewSchema.nullable(),
    principal: z.object({ type: z.enum(['user', 'token', 'system']), role: z.string(), label: z.string() }),
    permissions: permissionsSchema,
    csrfToken: z.string().nullable(),
  })
  .openapi('Me');

export interface AuthHooks {
  /** Loads demo data after first-run setup when asked for (wired by the server). */
  loadDemo?: (actor: Actor) => Promise<void>;
}

export function authRoutes(hooks: AuthHooks = {}) {
  return (deps: AppDeps) => {
    const { db } = deps.database;
    const r = newRouter();
    const meta = (c: Parameters<typeof clientIp>[0], source: 'web' | 'api' = 'web') => ({
      ip: clientIp(c),
      userAgent: c.req.header('user-agent'),
      requestId: c.req.header('x-request-id'),
      source,
    });

    r.openapi(
      createRoute({
        method: 'get',
        path: '/setup/status',
        tags: ['Auth'],
        summary: 'Whether first-run setup is still needed',
        responses: { 200: jsonResponse(z.object({ needsSetup: z.boolean() }), 'Setup status') },
      }),
      async (c) => c.json({ needsSetup: await needsSetup(db) }, 200),
    );

    r.openapi(
      createRoute({
        method: 'post',
        path: '/setup',
        tags: ['Auth'],
        summary: 'First-run setup: create the owner and sign in',
        request: { body: jsonBody(setupSchema) },
        responses: { 201: jsonResponse(setupResultSchema, 'Owner created and signed in'), ...errorResponses },
      }),
      async (c) => {
        const result = await setupInstance(db, deps.config.sessionTtlMs, c.req.valid('json'), meta(c));
        setSessionCookie(c, deps, result.sessionToken, result.expiresAt);
        // The owner is committed by now; a failed demo load must not turn setup into an error.
        let demo: 'loaded' | 'failed' | 'skipped' = 'skipped';
        if (result.demo && hooks.loadDemo) {
          try {
            await hooks.loadDemo({
              principal: {
                type: 'user',
                userId: result.user.id,
                teamId: null,
                role: 'owner',
                label: result.user.email,
              },
              source: 'web',
              ip: clientIp(c),
            });
            demo = 'loaded';
          } catch (err) {
            deps.logger.error({ err }, 'demo data failed to load after setup');
            demo = 'failed';
          }
        }
        return c.json({ user: result.user, csrfToken: result.csrfToken, demo }, 201);
      },
    );

    r.openapi(
      createRoute({
        method: 'post',
        path: '/auth/login',
        tags: ['Auth'],
        summary: 'Sign in with email and password (sets the session cookie)',
        request: {
          body: jsonBody(z.object({ email: emailSchema, password: z.string().min(1).max(200) }).openapi('Login')),
        },
        responses: { 200: jsonResponse(sessionSchema, 'Signed in'), ...errorResponses },
      }),
      async (c) => {
        const result = await login(db, deps.config.sessionTtlMs, c.req.valid('json'), meta(c));
        setSessionCookie(c, deps, result.sessionToken, result.expiresAt);
        return c.json({ user: result.user, csrfToken: result.csrfToken }, 200);
      },
    );

    r.openapi(
      createRoute({
        method: 'post',
        path: '/auth/logout',
        tags: ['Auth'],
        summary: 'Sign out (ends the session)',
        security,
        responses: { 204: { description: 'Signed out' }, ...errorResponses },
      }),
      async (c) => {
        actorOf(c);
        const token = c.get('sessionToken');
        if (token) await endSession(db, token);
        clearSessionCookie(c);
        return c.body(null, 204);
      },
    );

    r.openapi(
      createRoute({
        method: 'get',
        path: '/auth/me',
        tags: ['Auth'],
        summary: 'The caller, their permissions and the CSRF token for cookie sessions',
        security,
        responses: { 200: jsonResponse(meSchema, 'The caller'), ...errorResponses },
      }),
      async (c) => {
        const { principal } = actorOf(c);
        const [row] = principal.userId ? await db.select().from(users).where(eq(users.id, principal.userId)) : [];
        const token = c.get('sessionToken');
        return c.json(
          {
            user: row ? toUserView(row) : null,
            principal: { type: principal.type, role: principal.role, label: principal.label },
            permissions: PERMISSIONS[principal.role] as Record<
              string,
              { actions: string[]; scope: 'all' | 'team' | 'own' }
            >,
            csrfToken: token ? csrfTokenFor(token) : null,
          },
          200,
        );
      },
    );

    r.openapi(
      createRoute({
        method: 'patch',
        path: '/auth/me',
        tags: ['Auth'],
        summary: 'Change your own name, language or password',
        security,
        request: { body: jsonBody(updateMeSchema) },
        responses: { 200: jsonResponse(z.object({ user: userViewSchema }), 'Updated'), ...errorResponses },
      }),
      async (c) => c.json({ user: await updateMe(db, actorOf(c), c.req.valid('json')) }, 200),
    );
    return r;
  };
}
