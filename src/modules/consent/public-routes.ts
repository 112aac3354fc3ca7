import { createRoute, z } from '@hono/zod-openapi';
import type { Db } from '../../core/db/database.ts';
import { clientIp } from '../../core/http/client-ip.ts';
import type { ApiRouter } from '../../core/http/create-app.ts';
import { errorResponses, jsonResponse } from '../../core/http/openapi-common.ts';
import { linkWithdrawalSchema, previewLinkWithdrawal, withdrawByLink } from './link-withdrawal.ts';

const tokenParamSchema = z.object({
  token: z
    .string()
    .max(600)
    .openapi({ param: { name: 'token', in: 'path' }, description: 'The signed token from a withdrawal link.' }),
});

/**
 * Public by design (no sign-in): the customer's own withdrawal through a signed link.
 * Everything under /api/v1/public is let through by authenticate(); the token is the
 * only credential and it can do nothing but withdraw what it names.
 */
export function publicConsentRoutes(r: ApiRouter, db: Db): void {
  const common = { tags: ['Consent (PDPA)'], security: [] };
  const { 400: bad, 404: missing } = errorResponses;
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/public/consent/{token}',
      summary: 'What a withdrawal link would withdraw (public; changes nothing)',
      request: { params: tokenParamSchema },
      responses: { 200: jsonResponse(linkWithdrawalSchema, 'The withdrawal'), 400: bad, 404: missing },
    }),
    async (c) => c.json(await previewLinkWithdrawal(db, c.req.valid('param').token), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/public/consent/{token}',
      summary: 'Withdraw what the link names (public; repeating it changes nothing more)',
      request: { params: tokenParamSchema },
      responses: { 200: jsonResponse(linkWithdrawalSchema, 'Withdrawn'), 400: bad, 404: missing },
    }),
    async (c) =>
      c.json(
        await withdrawByLink(db, c.req.valid('param').token, { ip: clientIp(c), requestId: c.get('requestId') }),
        200,
      ),
  );
}
