import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from './app-env.ts';

const require = createRequire(import.meta.url);

const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sampan API</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><script id="api-reference" data-url="/openapi.json"></script>
<script src="/docs/scalar.js"></script></body></html>`;

/** OpenAPI 3.1 at /openapi.json and an interactive reference at /docs, served locally (no CDN). */
export function mountDocs(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'cookieAuth', {
    type: 'apiKey',
    in: 'cookie',
    name: 'sampan_session',
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Sampan API',
      version: deps.version,
      description:
        'Sampan (สัมพันธ์) CRM. Authenticate with `Authorization: Bearer <token>` (create one with `sampan token create`) ' +
        'or the session cookie plus an `X-CSRF-Token` header on writes. Errors are `application/problem+json` with a stable `code`; ' +
        'send `Accept-Language: th` or `en` for the message language. POSTs accept an `Idempotency-Key` header.',
    },
  });
  let script: string | undefined;
  app.get('/docs/scalar.js', (c) => {
    script ??= readFileSync(join(dirname(require.resolve('@scalar/api-reference')), 'browser/standalone.js'), 'utf8');
    c.header('cache-control', 'public, max-age=86400');
    return c.body(script, 200, { 'content-type': 'text/javascript; charset=utf-8' });
  });
  app.get('/docs', (c) => c.html(DOCS_HTML));
}
