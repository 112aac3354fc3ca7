import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../../core/http/actor.ts';
import type { AppDeps } from '../../core/http/app-env.ts';
import { errorResponses, idParamSchema, jsonBody, jsonResponse, security } from '../../core/http/openapi-common.ts';
import { newRouter } from '../../core/http/router.ts';
import { customerDataExportSchema } from './collect-customer-data.ts';
import { eraseCustomer } from './erase-customer.ts';
import { eraseCustomerSchema, eraseResultSchema } from './erase-input.ts';
import { exportCustomerData } from './export-customer-data.ts';
import { exportSummaryText } from './export-summary.ts';

/** PDPA data-subject requests: access (export) and erasure. */
export function privacyRoutes(deps: AppDeps) {
  const { db } = deps.database;
  const r = newRouter();
  const common = { security, tags: ['Privacy (PDPA)'] };

  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/customers/{id}/data-export',
      summary: 'Everything held about a person, as JSON (the request is recorded)',
      request: { params: idParamSchema },
      responses: { 200: jsonResponse(customerDataExportSchema, 'The export'), ...errorResponses },
    }),
    async (c) => c.json(await exportCustomerData(db, actorOf(c), c.req.valid('param').id), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/customers/{id}/data-export.txt',
      summary: 'A readable summary of the export in Thai and English (plain text)',
      request: { params: idParamSchema },
      responses: {
        200: { description: 'Summary', content: { 'text/plain': { schema: z.string() } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const data = await exportCustomerData(db, actorOf(c), c.req.valid('param').id);
      c.header('content-disposition', `attachment; filename="data-export-${data.customerId}.txt"`);
      return c.text(exportSummaryText(data), 200);
    },
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/customers/{id}/erase',
      summary: 'Erase a person: anonymise the profile, delete personal rows, keep aggregates (irreversible)',
      request: { params: idParamSchema, body: jsonBody(eraseCustomerSchema) },
      responses: { 200: jsonResponse(eraseResultSchema, 'Erased'), ...errorResponses },
    }),
    async (c) => c.json(await eraseCustomer(db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  return r;
}
