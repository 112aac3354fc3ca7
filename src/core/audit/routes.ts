import { createRoute } from '@hono/zod-openapi';
import { actorOf } from '../http/actor.ts';
import type { AppDeps } from '../http/app-env.ts';
import { errorResponses, jsonResponse, security } from '../http/openapi-common.ts';
import { pageSchema } from '../http/pagination.ts';
import { newRouter } from '../http/router.ts';
import { auditEntrySchema, auditQuerySchema, listAudit } from './list-audit.ts';

export function auditRoutes(deps: AppDeps) {
  const r = newRouter();
  r.openapi(
    createRoute({
      method: 'get',
      path: '/audit',
      tags: ['Administration'],
      security,
      summary: 'The audit log, newest first, with filters',
      request: { query: auditQuerySchema },
      responses: { 200: jsonResponse(pageSchema(auditEntrySchema), 'A page of audit entries'), ...errorResponses },
    }),
    async (c) => c.json(await listAudit(deps.database.db, actorOf(c), c.req.valid('query')), 200),
  );
  return r;
}
