import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../../core/http/actor.ts';
import type { AppDeps } from '../../core/http/app-env.ts';
import { errorResponses, idParamSchema, jsonBody, jsonResponse, security } from '../../core/http/openapi-common.ts';
import { pageQuerySchema, pageSchema } from '../../core/http/pagination.ts';
import { newRouter } from '../../core/http/router.ts';
import { customerViewSchema } from '../customers/index.ts';
import { dismissDuplicateSchema, mergeCustomersSchema, mergeIdParamSchema } from './dedupe-input.ts';
import { dismissDuplicate } from './dismiss-duplicate.ts';
import { listMerges, mergeViewSchema } from './list-merges.ts';
import { mergeCustomers } from './merge-customers.ts';
import { unmergeCustomers } from './unmerge-customers.ts';

const mergeResultSchema = z
  .object({
    mergeId: z.uuid(),
    survivor: customerViewSchema,
    mergedIds: z.array(z.uuid()),
    fieldChoices: z.record(z.string(), z.string()),
    moved: z.record(z.string(), z.number().int()).openapi({ description: 'Rows moved to the survivor, per table.' }),
    undoUntil: z.string(),
  })
  .openapi('MergeResult');

const unmergeResultSchema = z
  .object({
    mergeId: z.uuid(),
    survivor: customerViewSchema,
    restored: z.array(customerViewSchema),
    movedBack: z.array(z.object({ table: z.string(), moved: z.number().int(), missing: z.number().int() })),
    restoredFields: z.array(z.string()),
    keptFields: z
      .array(z.string())
      .openapi({ description: 'Survivor fields changed after the merge; their current values were kept.' }),
  })
  .openapi('UnmergeResult');

const dismissalSchema = z
  .object({ customerIds: z.tuple([z.uuid(), z.uuid()]), reason: z.string().nullable() })
  .openapi('DuplicateDismissal');

/** Dismissing duplicates, merge and unmerge (the duplicate list is in duplicate-routes.ts). */
export function dedupeRoutes(deps: AppDeps) {
  const { db } = deps.database;
  const r = newRouter();
  const common = { security, tags: ['Duplicates and merge'] };

  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/customers/duplicates/dismiss',
      summary: 'Mark two profiles as not duplicates',
      request: { body: jsonBody(dismissDuplicateSchema) },
      responses: { 200: jsonResponse(dismissalSchema, 'Dismissed'), ...errorResponses },
    }),
    async (c) => c.json(await dismissDuplicate(db, actorOf(c), c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/customers/merge',
      summary: 'Merge profiles into a survivor (needs customers update and delete)',
      request: { body: jsonBody(mergeCustomersSchema) },
      responses: { 200: jsonResponse(mergeResultSchema, 'Merged'), ...errorResponses },
    }),
    async (c) => c.json(await mergeCustomers(db, actorOf(c), c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/customers/merges/{mergeId}/undo',
      summary: 'Undo a merge within its grace period',
      request: { params: mergeIdParamSchema },
      responses: { 200: jsonResponse(unmergeResultSchema, 'Undone'), ...errorResponses },
    }),
    async (c) => c.json(await unmergeCustomers(db, actorOf(c), c.req.valid('param').mergeId), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/customers/{id}/merges',
      summary: 'Merges a profile took part in, newest first',
      request: { params: idParamSchema, query: pageQuerySchema },
      responses: { 200: jsonResponse(pageSchema(mergeViewSchema), 'A page of merges'), ...errorResponses },
    }),
    async (c) => c.json(await listMerges(db, actorOf(c), c.req.valid('param').id, c.req.valid('query')), 200),
  );
  return r;
}
