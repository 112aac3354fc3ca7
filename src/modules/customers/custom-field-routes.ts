import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../core/db/database.ts';
import { actorOf } from '../../core/http/actor.ts';
import type { AppEnv } from '../../core/http/app-env.ts';
import { errorResponses, idParamSchema, jsonBody, jsonResponse, security } from '../../core/http/openapi-common.ts';
import { setCustomFieldArchived } from './custom-field-archive.ts';
import { createCustomField } from './custom-field-create.ts';
import { createCustomFieldSchema, customFieldViewSchema, updateCustomFieldSchema } from './custom-field-input.ts';
import { listCustomFields } from './custom-field-list.ts';
import { updateCustomField } from './custom-field-update.ts';

const common = { security, tags: ['Custom fields'] };

/** Custom field definitions: anyone with customer access reads them; admins change them. */
export function mountCustomFieldRoutes(r: OpenAPIHono<AppEnv>, db: Db): void {
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/custom-fields',
      summary: 'List custom field definitions in form order',
      request: {
        query: z.object({
          includeArchived: z
            .enum(['true', 'false'])
            .optional()
            .transform((v) => v === 'true'),
        }),
      },
      responses: {
        200: jsonResponse(z.object({ items: z.array(customFieldViewSchema) }), 'The definitions'),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await listCustomFields(db, actorOf(c), c.req.valid('query')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/custom-fields',
      summary: 'Define a custom field (admins)',
      request: { body: jsonBody(createCustomFieldSchema) },
      responses: { 201: jsonResponse(customFieldViewSchema, 'Created'), ...errorResponses },
    }),
    async (c) => c.json(await createCustomField(db, actorOf(c), c.req.valid('json')), 201),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'patch',
      path: '/custom-fields/{id}',
      summary: 'Change a custom field (the type only while no customer holds a value)',
      request: { params: idParamSchema, body: jsonBody(updateCustomFieldSchema) },
      responses: { 200: jsonResponse(customFieldViewSchema, 'Updated'), ...errorResponses },
    }),
    async (c) => c.json(await updateCustomField(db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  for (const archived of [true, false]) {
    r.openapi(
      createRoute({
        ...common,
        method: 'post',
        path: archived ? '/custom-fields/{id}/archive' : '/custom-fields/{id}/unarchive',
        summary: archived ? 'Archive a custom field (values are kept)' : 'Restore an archived custom field',
        request: { params: idParamSchema },
        responses: { 200: jsonResponse(customFieldViewSchema, 'The definition'), ...errorResponses },
      }),
      async (c) => c.json(await setCustomFieldArchived(db, actorOf(c), c.req.valid('param').id, archived), 200),
    );
  }
}
