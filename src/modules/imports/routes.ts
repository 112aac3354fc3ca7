import { createRoute, z } from '@hono/zod-openapi';
import type { Actor } from '../../core/auth/principal.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { actorOf } from '../../core/http/actor.ts';
import type { AppDeps } from '../../core/http/app-env.ts';
import { errorResponses, idParamSchema, jsonBody, jsonResponse, security } from '../../core/http/openapi-common.ts';
import { pageQuerySchema, pageSchema } from '../../core/http/pagination.ts';
import { declareRawBodyRoute } from '../../core/http/raw-body-routes.ts';
import { newRouter } from '../../core/http/router.ts';
import { cancelImport } from './cancel-import.ts';
import { IMPORT_KINDS, type ImportKindName, uploadImport } from './create-import.ts';
import { deleteMapping, listMappings, mappingViewSchema, saveMapping, saveMappingSchema } from './import-mappings.ts';
import { importViewSchema } from './import-view.ts';
import { getImport, listImports } from './list-imports.ts';
import { previewImport, previewInputSchema, previewSchema } from './preview-import.ts';
import { rejectionsReport } from './rejections-report.ts';
import { startImport, startImportSchema } from './start-import.ts';

/** Largest file POST /imports accepts. */
export const IMPORT_MAX_BYTES = 200 * 1024 * 1024;
declareRawBodyRoute({ method: 'POST', path: /^\/api\/v1\/imports\/?$/, maxBytes: IMPORT_MAX_BYTES });
declareRawBodyRoute({ method: 'POST', path: /^\/api\/v1\/imports\/preview\/?$/, maxBytes: IMPORT_MAX_BYTES });

const uploadQuerySchema = z.object({
  fileName: z.string().min(1).max(255).default('upload.csv'),
  kind: z
    .enum(IMPORT_KINDS)
    .default('customers')
    .openapi({ description: 'What the rows are: customers, orders or leads' }),
});
const uploadBody = {
  content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
  required: true,
};

const csvResponse = { description: 'CSV (UTF-8 with BOM)', content: { 'text/csv': { schema: z.string() } } };

function attachment(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** CSV imports of customers, orders and leads: upload, preview, start (as a job), progress, cancel, rejection report, saved mappings. */
export function importRoutes(deps: AppDeps) {
  const { db } = deps.database;
  const r = newRouter();
  const common = { security, tags: ['Imports'] };
  const upload = (req: Request, actor: Actor, fileName: string, kind: ImportKindName) => {
    const length = Number(req.headers.get('content-length') ?? 0);
    if (length > IMPORT_MAX_BYTES) throw new AppError('import_file_too_large', { limit: IMPORT_MAX_BYTES });
    if (!req.body) throw new AppError('import_file_empty');
    const body = req.body as unknown as AsyncIterable<Uint8Array>;
    return uploadImport(db, actor, { fileName, body, maxBytes: IMPORT_MAX_BYTES, kind });
  };

  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/imports/mappings',
      summary: 'Saved column mappings (templates)',
      request: { query: z.object({ kind: z.enum(IMPORT_KINDS).default('customers') }) },
      responses: { 200: jsonResponse(z.object({ items: z.array(mappingViewSchema) }), 'Mappings'), ...errorResponses },
    }),
    async (c) => c.json({ items: await listMappings(db, actorOf(c), c.req.valid('query').kind) }, 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/imports/mappings',
      summary: 'Save a column mapping under a name',
      request: { body: jsonBody(saveMappingSchema) },
      responses: { 201: jsonResponse(mappingViewSchema, 'Saved'), ...errorResponses },
    }),
    async (c) => c.json(await saveMapping(db, actorOf(c), c.req.valid('json')), 201),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'delete',
      path: '/imports/mappings/{id}',
      summary: 'Delete a saved mapping',
      request: { params: idParamSchema },
      responses: { 204: { description: 'Deleted' }, ...errorResponses },
    }),
    async (c) => {
      await deleteMapping(db, actorOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/imports',
      summary: 'Upload a CSV file (the body, as application/octet-stream or text/csv; up to 200 MB)',
      request: { query: uploadQuerySchema, body: uploadBody },
      responses: {
        201: jsonResponse(importViewSchema, 'Uploaded, pending: preview it, then start it'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { fileName, kind } = c.req.valid('query');
      return c.json(await upload(c.req.raw, actorOf(c), fileName, kind), 201);
    },
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/imports/preview',
      summary: 'Upload a CSV file and preview it at once (suggested mapping; the upload stays pending to start)',
      request: { query: uploadQuerySchema, body: uploadBody },
      responses: {
        200: jsonResponse(previewSchema.extend({ import: importViewSchema }), 'Preview of the uploaded file'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = actorOf(c);
      const { fileName, kind } = c.req.valid('query');
      const view = await upload(c.req.raw, actor, fileName, kind);
      return c.json({ ...(await previewImport(db, actor, view.id, {})), import: view }, 200);
    },
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/imports',
      summary: 'Imports, newest first (yours; all for owners and admins)',
      request: { query: pageQuerySchema },
      responses: { 200: jsonResponse(pageSchema(importViewSchema), 'A page of imports'), ...errorResponses },
    }),
    async (c) => c.json(await listImports(db, actorOf(c), c.req.valid('query')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/imports/{id}',
      summary: 'An import and its live progress',
      request: { params: idParamSchema },
      responses: { 200: jsonResponse(importViewSchema, 'The import'), ...errorResponses },
    }),
    async (c) => c.json(await getImport(db, actorOf(c), c.req.valid('param').id), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/imports/{id}/preview',
      summary:
        'Dry-run preview: format, headers, suggested mapping and the outcome of the first 20 rows (writes nothing)',
      request: { params: idParamSchema, body: { ...jsonBody(previewInputSchema), required: false } },
      responses: { 200: jsonResponse(previewSchema, 'Preview'), ...errorResponses },
    }),
    async (c) => c.json(await previewImport(db, actorOf(c), c.req.valid('param').id, c.req.valid('json') ?? {}), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/imports/{id}/start',
      summary: 'Start an uploaded import with a mapping; it runs as a background job',
      request: { params: idParamSchema, body: jsonBody(startImportSchema) },
      responses: { 202: jsonResponse(importViewSchema, 'Started'), ...errorResponses },
    }),
    async (c) => c.json(await startImport(db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 202),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/imports/{id}/cancel',
      summary: 'Cancel an import (it stops before its next batch)',
      request: { params: idParamSchema },
      responses: { 200: jsonResponse(importViewSchema, 'Cancelled'), ...errorResponses },
    }),
    async (c) => c.json(await cancelImport(db, actorOf(c), c.req.valid('param').id), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/imports/{id}/rejections.csv',
      summary: 'Every rejected row: line number, reason (English / Thai) and the row',
      request: { params: idParamSchema },
      responses: { 200: csvResponse, ...errorResponses },
    }),
    async (c) => {
      const report = await rejectionsReport(db, actorOf(c), c.req.valid('param').id, c.get('locale'));
      const encoder = new TextEncoder();
      const stream = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const next = await report.chunks.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        },
      });
      return c.body(stream, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': attachment(report.fileName),
      });
    },
  );
  return r;
}
