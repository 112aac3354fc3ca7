import { Readable } from 'node:stream';
import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../../core/http/actor.ts';
import type { AppDeps } from '../../core/http/app-env.ts';
import { errorResponses, security } from '../../core/http/openapi-common.ts';
import { newRouter } from '../../core/http/router.ts';
import { type CustomerListFilterInput, customerListFilterSchema } from '../customers/index.ts';
import { EXPORT_FORMATS, exportCustomers } from './export-customers.ts';

const exportQuerySchema = customerListFilterSchema.extend({
  lang: z.enum(['th', 'en']).optional().openapi({ description: 'Header language; default from Accept-Language' }),
});

/** GET /customers/export.csv and .xlsx: the filtered list, streamed, in the caller's language. */
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
        return c.body(Readable.toWeb(file.body) as ReadableStream<Uint8Array>, 200, {
          'content-type': file.contentType,
          'content-disposition': `attachment; filename="${file.fileName}"`,
        });
      },
    );
  }
  return r;
}
