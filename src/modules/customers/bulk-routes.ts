import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Db } from '../../core/db/database.ts';
import { registerErrors } from '../../core/errors/catalog.ts';
import { actorOf } from '../../core/http/actor.ts';
import type { AppEnv } from '../../core/http/app-env.ts';
import { errorResponses, jsonBody, jsonResponse, security } from '../../core/http/openapi-common.ts';
import { bulkChangeCustomers } from './bulk-change-customers.ts';
import { customerBulkErrors } from './bulk-errors.ts';
import { bulkChangeSchema, bulkPreviewSchema, bulkResultSchema, bulkTargetSchema } from './bulk-input.ts';
import { previewBulkChange } from './bulk-preview.ts';

const common = { security, tags: ['Customers'] };

/** Bulk tag and owner changes over picked ids or the list's filters. */
export function mountBulkRoutes(r: OpenAPIHono<AppEnv>, db: Db): void {
  registerErrors(customerBulkErrors);
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/customers/bulk',
      summary: 'Add or remove a tag, or assign an owner, for picked customers or every match of a filter',
      description:
        'One transaction; only active customers you may see are changed (the rest are counted as skipped); each changed customer is audited.',
      request: { body: jsonBody(bulkChangeSchema) },
      responses: { 200: jsonResponse(bulkResultSchema, 'What changed'), ...errorResponses },
    }),
    async (c) => c.json(await bulkChangeCustomers(db, actorOf(c), c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/customers/bulk/preview',
      summary: 'How many customers a bulk change of these ids or filters would touch',
      request: { body: jsonBody(bulkTargetSchema) },
      responses: { 200: jsonResponse(bulkPreviewSchema, 'The count'), ...errorResponses },
    }),
    async (c) => c.json(await previewBulkChange(db, actorOf(c), c.req.valid('json')), 200),
  );
}
