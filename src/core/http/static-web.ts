import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from './app-env.ts';

export const WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

const NOT_BUILT = `<!doctype html><html><head><meta charset="utf-8"><title>Sampan</title></head>
<body style="font-family:sans-serif;max-width:40rem;margin:4rem auto">
<h1>Sampan is running</h1><p>The web interface has not been built. Run <code>npm run build:web</code> (or <code>npm start</code>, which builds it) and reload.</p>
<p>หน้าเว็บยังไม่ได้ build กรุณารัน <code>npm run build:web</code> แล้วโหลดหน้านี้ใหม่</p>
<p>API reference: <a href="/docs">/docs</a></p></body></html>`;

/** The React app: static assets, and index.html for every other GET (client-side routes). */
export function mountWeb(app: OpenAPIHono<AppEnv>, _deps: AppDeps): void {
  const root = WEB_DIST;
  app.use(
    '/assets/*',
    serveStatic({ root, onFound: (_p, c) => c.header('cache-control', 'public, max-age=31536000, immutable') }),
  );
  app.use('*', serveStatic({ root, rewriteRequestPath: (p) => (p === '/' ? '/index.html' : p) }));
  let index: string | undefined;
  app.get('*', (c) => {
    const indexPath = `${root}/index.html`;
    if (!existsSync(indexPath)) return c.html(NOT_BUILT);
    index ??= readFileSync(indexPath, 'utf8');
    c.header('cache-control', 'no-cache');
    return c.html(index);
  });
}
