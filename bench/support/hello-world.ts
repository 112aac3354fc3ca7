// The baseline for the HTTP benchmark: the smallest Hono app on the same server adapter.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.get('/hello', (c) => c.json({ hello: 'world' }));
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(`Hello-world is running at http://127.0.0.1:${info.port}`);
});
