import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../../core/http/actor.ts';
import type { AppDeps } from '../../core/http/app-env.ts';
import { errorResponses, idParamSchema, jsonBody, jsonResponse, security } from '../../core/http/openapi-common.ts';
import { newRouter } from '../../core/http/router.ts';
import {
  createPurposeSchema,
  publishTextSchema,
  recordConsentSchema,
  withdrawConsentsSchema,
} from './consent-input.ts';
import { consentRecordViewSchema, purposeViewSchema } from './consent-view.ts';
import { createPurpose } from './create-purpose.ts';
import { customerConsentsSchema, getCustomerConsents } from './get-customer-consents.ts';
import { createLinkForCustomer, linkRequestSchema } from './link-for-customer.ts';
import { listPurposes } from './list-purposes.ts';
import { publicConsentRoutes } from './public-routes.ts';
import { publishPurposeText } from './publish-purpose-text.ts';
import { recordConsent } from './record-consent.ts';
import { withdrawConsents } from './withdraw-consents.ts';

const codeParamSchema = z.object({
  code: z
    .string()
    .max(64)
    .openapi({ param: { name: 'code', in: 'path' } }),
});

/** Consent: purposes (admins) and each customer's consents (staff who may see the customer). */
export function consentRoutes(deps: AppDeps) {
  const { db } = deps.database;
  const r = newRouter();
  const common = { security, tags: ['Consent (PDPA)'] };

  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/consent/purposes',
      summary: 'List consent purposes with the current text (Thai and English)',
      responses: { 200: jsonResponse(z.object({ items: z.array(purposeViewSchema) }), 'Purposes'), ...errorResponses },
    }),
    async (c) => c.json({ items: await listPurposes(db, actorOf(c)) }, 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/consent/purposes',
      summary: 'Create a consent purpose with version 1 of its text (admins)',
      request: { body: jsonBody(createPurposeSchema) },
      responses: { 201: jsonResponse(purposeViewSchema, 'Created'), ...errorResponses },
    }),
    async (c) => c.json(await createPurpose(db, actorOf(c), c.req.valid('json')), 201),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/consent/purposes/{code}/versions',
      summary: "Publish a new version of a purpose's text; current_version goes up by one (admins)",
      request: { params: codeParamSchema, body: jsonBody(publishTextSchema) },
      responses: { 201: jsonResponse(purposeViewSchema, 'Published'), ...errorResponses },
    }),
    async (c) => c.json(await publishPurposeText(db, actorOf(c), c.req.valid('param').code, c.req.valid('json')), 201),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/customers/{id}/consents',
      summary: 'Consent matrix (purpose × channel), what may be sent now, and the full history',
      request: { params: idParamSchema },
      responses: { 200: jsonResponse(customerConsentsSchema, 'Consents'), ...errorResponses },
    }),
    async (c) => c.json(await getCustomerConsents(db, actorOf(c), c.req.valid('param').id), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/customers/{id}/consents',
      summary: 'Record a consent decision (granted, withdrawn or denied) for a purpose and channel',
      request: { params: idParamSchema, body: jsonBody(recordConsentSchema) },
      responses: { 201: jsonResponse(consentRecordViewSchema, 'Recorded'), ...errorResponses },
    }),
    async (c) => c.json(await recordConsent(db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/customers/{id}/consents/withdraw',
      summary: 'Withdraw in one click every consent matching purpose/channel (both optional)',
      request: { params: idParamSchema, body: jsonBody(withdrawConsentsSchema) },
      responses: {
        200: jsonResponse(z.object({ withdrawn: z.array(consentRecordViewSchema) }), 'Withdrawn (empty: nothing left)'),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await withdrawConsents(db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/customers/{id}/consents/link',
      summary: 'Make a signed withdrawal link to put in a message (no sign-in needed to use it)',
      request: { params: idParamSchema, body: jsonBody(linkRequestSchema) },
      responses: {
        200: jsonResponse(z.object({ path: z.string(), apiPath: z.string() }), 'Link paths'),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await createLinkForCustomer(db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  publicConsentRoutes(r, db);
  return r;
}
