import { and, eq, lt, sql } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { sha256 } from '../auth/secret-tokens.ts';
import type { Db } from '../db/database.ts';
import { AppError, invalidField } from '../errors/app-error.ts';
import type { AppEnv } from './app-env.ts';
import { idempotencyKeys } from './idempotency-schema.ts';
import { rawBodyRoute } from './raw-body-routes.ts';

export const IDEMPOTENCY_TTL_HOURS = 24;

/**
 * POST with an Idempotency-Key: the first request runs and its response is kept for 24 h;
 * a retry with the same key and body gets the same response without running again; the
 * same key with another body is refused. Responses of 5xx are not kept, so a retry runs.
 */
export function idempotency(db: Db): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    const actor = c.get('actor');
    if (c.req.method !== 'POST' || !key || !actor) return next();
    if (key.length > 200) throw invalidField('Idempotency-Key', 'at most 200 characters', 'ยาวได้ไม่เกิน 200 ตัวอักษร');
    const principal = actor.principal.tokenId ?? actor.principal.userId ?? 'system';
    // A file upload (raw-body-routes.ts) streams to its route: reading it here would hold the
    // whole file in memory and leave the route an empty body. Its size stands in for its bytes.
    const request = rawBodyRoute(c.req.method, c.req.path)
      ? `raw body of ${c.req.header('content-length') ?? 'unknown'} bytes`
      : await c.req.text();
    const requestHash = sha256(`${c.req.method} ${c.req.path}\n${request}`);
    const claimed = await db
      .insert(idempotencyKeys)
      .values({ principal, key, requestHash })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    const where = and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key));
    if (!claimed.length) {
      const [prior] = await db.select().from(idempotencyKeys).where(where);
      if (!prior) throw new AppError('idempotency_in_progress');
      if (prior.requestHash !== requestHash) throw new AppError('idempotency_key_reused');
      if (prior.status === null) throw new AppError('idempotency_in_progress');
      return new Response(prior.body === null ? null : JSON.stringify(prior.body), {
        status: prior.status,
        headers: { 'content-type': prior.contentType ?? 'application/json', 'idempotent-replayed': 'true' },
      });
    }
    try {
      await next();
    } catch (err) {
      await db.delete(idempotencyKeys).where(where);
      throw err;
    }
    const res = c.res;
    if (res.status >= 500) {
      await db.delete(idempotencyKeys).where(where);
      return;
    }
    const text = await res.clone().text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    await db
      .update(idempotencyKeys)
      .set({ status: res.status, body, contentType: res.headers.get('content-type') })
      .where(where);
  };
}

export async function purgeIdempotencyKeys(db: Db): Promise<void> {
  await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`));
}
