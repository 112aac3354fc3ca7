import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Db } from '../../core/db/database.ts';
import { actorOf } from '../../core/http/actor.ts';
import type { AppEnv } from '../../core/http/app-env.ts';
import { errorResponses, idParamSchema, jsonResponse, security } from '../../core/http/openapi-common.ts';
import { pageQuerySchema } from '../../core/http/pagination.ts';
import { listReferrals, referralsViewSchema } from './referral-list.ts';

/** Who referred whom; the link itself is set on the profile (referredById). */
export function mountReferralRoutes(r: OpenAPIHono<AppEnv>, db: Db): void {
  r.openapi(
    createRoute({
      security,
      tags: ['Customers'],
      method: 'get',
      path: '/customers/{id}/referrals',
      summary: 'Who referred a customer, and the customers they referred',
      request: { params: idParamSchema, query: pageQuerySchema },
      responses: { 200: jsonResponse(referralsViewSchema, 'Referrals'), ...errorResponses },
    }),
    async (c) => c.json(await listReferrals(db, actorOf(c), c.req.valid('param').id, c.req.valid('query')), 200),
  );
}
