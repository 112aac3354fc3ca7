import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { AppError } from '../errors/app-error.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import type { AppDeps, AppEnv } from './app-env.ts';

export const WEB_DIST = join(PACKAGE_ROOT, 'web', 'dist');

const NOT_BUILT = `<!doctype html><html><head><meta charset="utf-8"><title>Sampan</title></head>
<body style="font-family:sans-serif;max-width:40rem;margin:4rem auto">
<h1>Sampan is running</h1><p>The web interface has not been built. Run <code>npm run build:web</code> (or <code>npm start</code>, which builds it) and reload.</p>
<p>หน้าเว็บยังไม่ได้ build กรุณารัน <code>npm run build:web</code> แล้วโหลดหน้านี้ใหม่</p>
<p>API reference: <a href="/docs">/docs</a></p></body></html>`;

/** index.html, re-read when a rebuild changes it, so a running server never serves a stale shell. */
function indexReader(path: string): () => string | undefined {
  let cached: { mtimeMs: number; html: string } | undefined;
  return () => {
    if (!existsSync(path)) return undefined;
    const { mtimeMs } = statSync(path);
    if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, html: readFileSync(path, 'utf8') };
    return cached.html;
  };
}

/** The React app: hashed assets (404 when missing), and index.html for client-side routes. */
export function mountWeb(app: OpenAPIHono<AppEnv>, _deps: AppDeps): void {
  const root = WEB_DIST;
  const index = indexReader(`${root}/index.html`);
  app.use(
    '/assets/*',
    serveStatic({ root, onFound: (_p, c) => c.header('cache-control', 'public, max-age=31536000, immutable') }),
  );
  app.get('/assets/*', (c) => {
    throw new AppError('route_not_found', { path: c.req.path });
  });
  app.use('*', serveStatic({ root, rewriteRequestPath: (p) => (p === '/' ? '/index.html' : p) }));
  app.get('*', (c) => {
    const html = index();
    if (!html) return c.html(NOT_BUILT);
    c.header('cache-control', 'no-cache');
    return c.html(html);
  });
}
