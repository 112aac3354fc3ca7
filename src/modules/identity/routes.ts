import { createRoute } from '@hono/zod-openapi';
import { actorOf } from '../../core/http/actor.ts';
import type { AppDeps } from '../../core/http/app-env.ts';
import { errorResponses, jsonBody, jsonResponse, security } from '../../core/http/openapi-common.ts';
import { newRouter } from '../../core/http/router.ts';
import { inboundSchema } from './inbound-input.ts';
import { resolutionSchema } from './resolution-view.ts';
import { resolveCustomer } from './resolve-customer.ts';

/** POST /customers/upsert: identity resolution over HTTP. */
export function identityRoutes(deps: AppDeps) {
  const { db } = deps.database;
  const r = newRouter();
  r.openapi(
    createRoute({
      security,
      tags: ['Customers'],
      method: 'post',
      path: '/customers/upsert',
      summary: 'Find the customer by its identifiers, or create one',
      description:
        'Identifiers are tried in trust order (external, line, facebook, pos, email, phone); the first held by a profile decides. ' +
        'Identifiers held by other profiles are reported as conflicts and left where they are. ' +
        'A match outside your record scope is refused with 409 customer_exists_elsewhere and nothing is written. ' +
        'Send an Idempotency-Key header to retry safely. Needs customers create (and update when a profile matched).',
      request: { body: jsonBody(inboundSchema) },
      responses: {
        200: jsonResponse(resolutionSchema, 'Matched an existing customer'),
        201: jsonResponse(resolutionSchema, 'Created a new customer'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const result = await resolveCustomer(db, actorOf(c), c.req.valid('json'));
      return result.created ? c.json(result, 201) : c.json(result, 200);
    },
  );
  return r;
}
