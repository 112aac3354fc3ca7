import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../core/db/database.ts';
import { actorOf } from '../../core/http/actor.ts';
import type { AppEnv } from '../../core/http/app-env.ts';
import { errorResponses, idParamSchema, jsonBody, jsonResponse, security } from '../../core/http/openapi-common.ts';
import { pageSchema } from '../../core/http/pagination.ts';
import { addStage } from './add-stage.ts';
import { createPipeline } from './create-pipeline.ts';
import { dealCardSchema } from './deal-card.ts';
import { deleteStage } from './delete-stage.ts';
import { getPipeline, listPipelines, listPipelinesQuerySchema } from './list-pipelines.ts';
import {
  boardQuerySchema,
  boardSchema,
  boardStageCards,
  pipelineBoard,
  stageCardsQuerySchema,
} from './pipeline-board.ts';
import { createPipelineSchema, stageInputSchema, updatePipelineSchema, updateStageSchema } from './pipeline-input.ts';
import { pipelineViewSchema, stageViewSchema } from './pipeline-view.ts';
import { updatePipeline } from './update-pipeline.ts';
import { updateStage } from './update-stage.ts';

const common = { security, tags: ['Deals'] };
const stageParams = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' } }),
  stageId: z
    .string()
    .uuid()
    .openapi({ param: { name: 'stageId', in: 'path' } }),
});

/** Pipelines, their stages and the board. */
export function pipelineRoutes(r: OpenAPIHono<AppEnv>, db: Db): void {
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/pipelines',
      summary: 'Pipelines with their stages',
      request: { query: listPipelinesQuerySchema },
      responses: {
        200: jsonResponse(z.object({ items: z.array(pipelineViewSchema) }), 'Pipelines'),
        ...errorResponses,
      },
    }),
    async (c) => c.json({ items: await listPipelines(db, actorOf(c), c.req.valid('query')) }, 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/pipelines',
      summary: 'Create a pipeline with its stages (managers and admins)',
      request: { body: jsonBody(createPipelineSchema) },
      responses: { 201: jsonResponse(pipelineViewSchema, 'Created'), ...errorResponses },
    }),
    async (c) => c.json(await createPipeline(db, actorOf(c), c.req.valid('json')), 201),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/pipelines/{id}',
      summary: 'One pipeline with its stages',
      request: { params: idParamSchema },
      responses: { 200: jsonResponse(pipelineViewSchema, 'The pipeline'), ...errorResponses },
    }),
    async (c) => c.json(await getPipeline(db, actorOf(c), c.req.valid('param').id), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'patch',
      path: '/pipelines/{id}',
      summary: 'Rename, reorder, archive or make default (managers and admins)',
      request: { params: idParamSchema, body: jsonBody(updatePipelineSchema) },
      responses: { 200: jsonResponse(pipelineViewSchema, 'The pipeline'), ...errorResponses },
    }),
    async (c) => c.json(await updatePipeline(db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/pipelines/{id}/stages',
      summary: 'Add a stage (managers and admins)',
      request: { params: idParamSchema, body: jsonBody(stageInputSchema) },
      responses: { 201: jsonResponse(stageViewSchema, 'Created'), ...errorResponses },
    }),
    async (c) => c.json(await addStage(db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'patch',
      path: '/pipelines/{id}/stages/{stageId}',
      summary: 'Rename, re-weight or move a stage (managers and admins)',
      request: { params: stageParams, body: jsonBody(updateStageSchema) },
      responses: { 200: jsonResponse(stageViewSchema, 'The stage'), ...errorResponses },
    }),
    async (c) => c.json(await updateStage(db, actorOf(c), c.req.valid('param').stageId, c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'delete',
      path: '/pipelines/{id}/stages/{stageId}',
      summary: 'Delete a stage; its deals and history move to moveTo, a stage of the same pipeline and kind',
      request: {
        params: stageParams,
        query: z.object({ moveTo: z.string().uuid().optional().openapi({ description: 'Stage to move deals to.' }) }),
      },
      responses: { 200: jsonResponse(z.object({ movedDeals: z.number().int() }), 'Deleted'), ...errorResponses },
    }),
    async (c) => {
      const { id, stageId } = c.req.valid('param');
      return c.json(await deleteStage(db, actorOf(c), id, stageId, c.req.valid('query').moveTo), 200);
    },
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/pipelines/{id}/board',
      summary: 'The kanban board: per stage the open deals count, value, weighted value and first cards',
      request: { params: idParamSchema, query: boardQuerySchema },
      responses: { 200: jsonResponse(boardSchema, 'The board'), ...errorResponses },
    }),
    async (c) => c.json(await pipelineBoard(db, actorOf(c), c.req.valid('param').id, c.req.valid('query')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/pipelines/{id}/board/stages/{stageId}',
      summary: "More cards of one board column (the column's nextCursor)",
      request: { params: stageParams, query: stageCardsQuerySchema },
      responses: { 200: jsonResponse(pageSchema(dealCardSchema), 'A page of cards'), ...errorResponses },
    }),
    async (c) => {
      const { id, stageId } = c.req.valid('param');
      return c.json(await boardStageCards(db, actorOf(c), id, stageId, c.req.valid('query')), 200);
    },
  );
}
