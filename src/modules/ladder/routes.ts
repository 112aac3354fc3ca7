import { createRoute } from '@hono/zod-openapi';
import { actorOf } from '../../core/http/actor.ts';
import type { AppDeps } from '../../core/http/app-env.ts';
import { errorResponses, idParamSchema, jsonBody, jsonResponse, security } from '../../core/http/openapi-common.ts';
import { newRouter } from '../../core/http/router.ts';
import { clearLadderOverride } from './clear-override.ts';
import { countStages } from './count-stages.ts';
import { getCustomerLadder } from './get-customer-ladder.ts';
import { getRules } from './get-rules.ts';
import { ladderRulesSchema } from './ladder-rules.ts';
import { ladderRulesViewSchema } from './ladder-rules-view.ts';
import {
  customerLadderViewSchema,
  overrideInputSchema,
  recomputeResultSchema,
  stageCountsSchema,
} from './ladder-view.ts';
import { recomputeAll } from './recompute-all.ts';
import { setLadderOverride } from './set-override.ts';
import { updateRules } from './update-rules.ts';

/** Relationship ladder: counts, rules (admins), each customer's stage, history and override. */
export function ladderRoutes(deps: AppDeps) {
  const { db } = deps.database;
  const r = newRouter();
  const common = { security, tags: ['Relationship ladder'] };

  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/ladder/stages',
      summary: 'How many of the customers you may see stand on each stage',
      responses: { 200: jsonResponse(stageCountsSchema, 'Counts per stage, lowest first'), ...errorResponses },
    }),
    async (c) => c.json(await countStages(db, actorOf(c)), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/ladder/rules',
      summary: 'The rules that place customers on the ladder (and the defaults)',
      responses: { 200: jsonResponse(ladderRulesViewSchema, 'The rules in force'), ...errorResponses },
    }),
    async (c) => c.json(await getRules(db, actorOf(c)), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'put',
      path: '/ladder/rules',
      summary: 'Replace the rules (admins); every customer is judged again in the background',
      request: { body: jsonBody(ladderRulesSchema) },
      responses: { 200: jsonResponse(ladderRulesViewSchema, 'The rules now in force'), ...errorResponses },
    }),
    async (c) => c.json(await updateRules(db, actorOf(c), c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/ladder/recompute',
      summary: 'Judge every active customer by the rules now (admins)',
      responses: { 200: jsonResponse(recomputeResultSchema, 'How many were judged and changed'), ...errorResponses },
    }),
    async (c) => c.json(await recomputeAll(db, actorOf(c)), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/customers/{id}/ladder',
      summary: "A customer's stage, why, any override, and the history of changes",
      request: { params: idParamSchema },
      responses: { 200: jsonResponse(customerLadderViewSchema, 'The stage and history'), ...errorResponses },
    }),
    async (c) => c.json(await getCustomerLadder(db, actorOf(c), c.req.valid('param').id), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'put',
      path: '/customers/{id}/ladder/override',
      summary: 'Set the stage by hand, with a reason; the rules leave it until it is cleared',
      request: { params: idParamSchema, body: jsonBody(overrideInputSchema) },
      responses: { 200: jsonResponse(customerLadderViewSchema, 'The stage and history'), ...errorResponses },
    }),
    async (c) => c.json(await setLadderOverride(db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'delete',
      path: '/customers/{id}/ladder/override',
      summary: 'Clear the override: the stage the rules give applies again',
      request: { params: idParamSchema },
      responses: { 200: jsonResponse(customerLadderViewSchema, 'The stage and history'), ...errorResponses },
    }),
    async (c) => c.json(await clearLadderOverride(db, actorOf(c), c.req.valid('param').id), 200),
  );
  return r;
}
