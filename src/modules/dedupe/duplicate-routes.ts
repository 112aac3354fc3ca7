import { createRoute } from '@hono/zod-openapi';
import { actorOf } from '../../core/http/actor.ts';
import type { AppDeps } from '../../core/http/app-env.ts';
import { errorResponses, jsonResponse, security } from '../../core/http/openapi-common.ts';
import { pageSchema } from '../../core/http/pagination.ts';
import { newRouter } from '../../core/http/router.ts';
import { findDuplicatesQuerySchema } from './dedupe-input.ts';
import { duplicatePairSchema, findDuplicates } from './find-duplicates.ts';

/**
 * GET /customers/duplicates. Mounted before the customers module's routes (see
 * modules/index.ts) so the path is not read as GET /customers/{id}.
 */
export function duplicateListRoutes(deps: AppDeps) {
  const { db } = deps.database;
  const r = newRouter();
  const common = { security, tags: ['Duplicates and merge'] };
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/customers/duplicates',
      summary: 'Suspected duplicate profiles, best score first (pairs you can see both of)',
      request: { query: findDuplicatesQuerySchema },
      responses: { 200: jsonResponse(pageSchema(duplicatePairSchema), 'A page of pairs'), ...errorResponses },
    }),
    async (c) => c.json(await findDuplicates(db, actorOf(c), c.req.valid('query')), 200),
  );
  return r;
}
