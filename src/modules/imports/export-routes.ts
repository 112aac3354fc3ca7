import { Readable } from 'node:stream';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { actorOf } from '../../core/http/actor.ts';
import type { AppDeps } from '../../core/http/app-env.ts';
import { errorResponses, security } from '../../core/http/openapi-common.ts';
import { newRouter } from '../../core/http/router.ts';
import { type CustomerListFilterInput, customerListFilterSchema } from '../customers/index.ts';
import { type CustomerExport, EXPORT_FORMATS, exportCustomers } from './export-customers.ts';

const exportQuerySchema = customerListFilterSchema.extend({
  lang: z.enum(['th', 'en']).optional().openapi({ description: 'Header language; default from Accept-Language' }),
});

/** Most customers one POST may pick by id (a selection made by hand on the list). */
export const MAX_PICKED = 5000;

const pickedBodySchema = z.object({
  ids: z.array(z.string().uuid()).min(1).max(MAX_PICKED),
  lang: z.enum(['th', 'en']).optional(),
});

function fileResponse(c: Context, file: CustomerExport) {
  return c.body(Readable.toWeb(file.body) as ReadableStream<Uint8Array>, 200, {
    'content-type': file.contentType,
    'content-disposition': `attachment; filename="${file.fileName}"`,
  });
}

/**
 * GET /customers/export.csv and .xlsx: the filtered list, streamed, in the caller's language.
 * POST to the same paths exports customers picked by id (audited like any export).
 */
export function exportRoutes(deps: AppDeps) {
  const { db } = deps.database;
  const r = newRouter();
  for (const format of EXPORT_FORMATS) {
    const type = format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    r.openapi(
      createRoute({
        security,
        tags: ['Customers'],
        method: 'get',
        path: `/customers/export.${format}`,
        summary: `Export the customers you may see as ${format.toUpperCase()} (same filters and sort as GET /customers)`,
        request: { query: exportQuerySchema },
        responses: {
          200: { description: 'The file', content: { [type]: { schema: z.string().openapi({ format: 'binary' }) } } },
          ...errorResponses,
        },
      }),
      async (c) => {
        const { lang, ...filter } = c.req.valid('query');
        const file = await exportCustomers(
          db,
          actorOf(c),
          filter as CustomerListFilterInput,
          format,
          lang ?? c.get('locale'),
        );
        return fileResponse(c, file);
      },
    );
    r.openapi(
      createRoute({
        security,
        tags: ['Customers'],
        method: 'post',
        path: `/customers/export.${format}`,
        summary: `Export customers picked by id as ${format.toUpperCase()} (only those you may see)`,
        request: { body: { content: { 'application/json': { schema: pickedBodySchema } }, required: true } },
        responses: {
          200: { description: 'The file', content: { [type]: { schema: z.string().openapi({ format: 'binary' }) } } },
          ...errorResponses,
        },
      }),
      async (c) => {
        const { ids, lang } = c.req.valid('json');
        const file = await exportCustomers(db, actorOf(c), {}, format, lang ?? c.get('locale'), [...new Set(ids)]);
        return fileResponse(c, file);
      },
    );
  }
  return r;
}
