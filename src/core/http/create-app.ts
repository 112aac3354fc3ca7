import type { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { AppError } from '../errors/app-error.ts';
import { DEFAULT_LOCALE, localeFromAcceptLanguage } from '../i18n/locale.ts';
import type { AppDeps, AppEnv } from './app-env.ts';
import { authenticate } from './authenticate.ts';
import { mountDocs } from './docs.ts';
import { idempotency } from './idempotency.ts';
import { problemResponse } from './problem.ts';
import { rawBodyRoute } from './raw-body-routes.ts';
import { newRouter } from './router.ts';
import { mountWeb } from './static-web.ts';

export type ApiRouter = OpenAPIHono<AppEnv>;
/** A module's HTTP surface: mounted under /api/v1. */
export type RouteModule = (deps: AppDeps) => ApiRouter;
/** Something mounted outside /api/v1 (e.g. the local control channel). */
export type AppMount = (app: OpenAPIHono<AppEnv>) => void;

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

export function createApp(deps: AppDeps, modules: RouteModule[], mounts: AppMount[] = []): OpenAPIHono<AppEnv> {
  const { database, logger, config } = deps;
  const app = newRouter();

  app.use(requestId());
  // Frame, sniffing, referrer and cross-origin protections; CSP is left to a later hardening pass.
  app.use(secureHeaders({ crossOriginEmbedderPolicy: false, xXssProtection: false }));
  app.use(async (c, next) => {
    c.set('locale', localeFromAcceptLanguage(c.req.header('accept-language')) ?? DEFAULT_LOCALE);
    const started = performance.now();
    await next();
    logger.info(
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  });

  app.get('/health', async (c) => {
    try {
      await database.query('select 1');
      return c.json({ status: 'ok', database: database.kind, version: deps.version });
    } catch {
      return c.json({ status: 'error', database: database.kind, version: deps.version }, 503);
    }
  });

  const jsonBodyLimit = bodyLimit({
    maxSize: config.bodyLimitBytes,
    onError: () => {
      throw new AppError('payload_too_large', { limit: config.bodyLimitBytes });
    },
  });
  // File uploads (raw-body-routes.ts) stream their body and enforce their own larger limit.
  app.use('/api/*', (c, next) => (rawBodyRoute(c.req.method, c.req.path) ? next() : jsonBodyLimit(c, next)));
  app.use('/api/*', async (c, next) => {
    const type = c.req.header('content-type') ?? '';
    if (
      BODY_METHODS.has(c.req.method) &&
      c.req.raw.body !== null &&
      !/^application\/([\w.-]+\+)?json/i.test(type) &&
      !rawBodyRoute(c.req.method, c.req.path)
    ) {
      throw new AppError('unsupported_media_type');
    }
    await next();
  });
  app.use('/api/*', authenticate(database.db));
  app.use('/api/*', idempotency(database.db));

  for (const mod of modules) app.route('/api/v1', mod(deps));

  app.all('/api/*', (c) => {
    throw new AppError('route_not_found', { path: c.req.path });
  });

  for (const mount of mounts) mount(app);
  mountDocs(app, deps);
  mountWeb(app, deps);

  app.onError((err, c) => problemResponse(c, err, logger));
  app.notFound((c) => problemResponse(c, new AppError('route_not_found', { path: c.req.path }), logger));
  return app;
}
