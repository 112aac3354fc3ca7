import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../core/db/database.ts';
import { actorOf } from '../../core/http/actor.ts';
import type { AppEnv } from '../../core/http/app-env.ts';
import { errorResponses, idParamSchema, jsonBody, jsonResponse, security } from '../../core/http/openapi-common.ts';
import {
  assignmentRuleViewSchema,
  createAssignmentRuleSchema,
  updateAssignmentRuleSchema,
} from './assignment-rule-input.ts';
import {
  createLeadForm,
  createLeadFormSchema,
  leadFormViewSchema,
  listLeadForms,
  setLeadFormActive,
} from './lead-forms.ts';
import {
  createAssignmentRule,
  deleteAssignmentRule,
  listAssignmentRules,
  updateAssignmentRule,
} from './manage-assignment-rules.ts';
import { createScoringRule, deleteScoringRule, listScoringRules, updateScoringRule } from './manage-scoring-rules.ts';
import {
  modelStatus,
  modelStatusSchema,
  modelViewSchema,
  requestModelTraining,
  trainModelSchema,
} from './score-model.ts';
import { scoringRuleInputSchema, scoringRuleViewSchema } from './scoring-rule-input.ts';

const common = { security, tags: ['Leads: setup'] };
const items = <T extends z.ZodTypeAny>(s: T, d: string) => ({
  200: jsonResponse(z.object({ items: z.array(s) }), d),
  ...errorResponses,
});
const gone = { 204: { description: 'Deleted' }, ...errorResponses };

/** Assignment rules, scoring rules, web forms and the learned model (managers and admins change them). */
export function leadSetupRoutes(r: OpenAPIHono<AppEnv>, db: Db): void {
  const base = '/leads/assignment-rules';
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: base,
      summary: 'Assignment rules in order',
      responses: items(assignmentRuleViewSchema, 'Rules'),
    }),
    async (c) => c.json({ items: await listAssignmentRules(db, actorOf(c)) }, 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: base,
      summary: 'Add an assignment rule (round_robin, territory by province, or source)',
      request: { body: jsonBody(createAssignmentRuleSchema) },
      responses: { 201: jsonResponse(assignmentRuleViewSchema, 'Created'), ...errorResponses },
    }),
    async (c) => c.json(await createAssignmentRule(db, actorOf(c), c.req.valid('json')), 201),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'patch',
      path: `${base}/{id}`,
      summary: 'Change an assignment rule',
      request: { params: idParamSchema, body: jsonBody(updateAssignmentRuleSchema) },
      responses: { 200: jsonResponse(assignmentRuleViewSchema, 'The rule'), ...errorResponses },
    }),
    async (c) => c.json(await updateAssignmentRule(db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'delete',
      path: `${base}/{id}`,
      summary: 'Remove an assignment rule',
      request: { params: idParamSchema },
      responses: gone,
    }),
    async (c) => {
      await deleteAssignmentRule(db, actorOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  const scoring = '/leads/scoring-rules';
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: scoring,
      summary: 'Scoring rules',
      responses: items(scoringRuleViewSchema, 'Rules'),
    }),
    async (c) => c.json({ items: await listScoringRules(db, actorOf(c)) }, 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: scoring,
      summary: 'Add a scoring rule (fit: field test → points; behaviour: event → points with half-life)',
      request: { body: jsonBody(scoringRuleInputSchema) },
      responses: { 201: jsonResponse(scoringRuleViewSchema, 'Created'), ...errorResponses },
    }),
    async (c) => c.json(await createScoringRule(db, actorOf(c), c.req.valid('json')), 201),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'put',
      path: `${scoring}/{id}`,
      summary: 'Replace a scoring rule',
      request: { params: idParamSchema, body: jsonBody(scoringRuleInputSchema) },
      responses: { 200: jsonResponse(scoringRuleViewSchema, 'The rule'), ...errorResponses },
    }),
    async (c) => c.json(await updateScoringRule(db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'delete',
      path: `${scoring}/{id}`,
      summary: 'Remove a scoring rule',
      request: { params: idParamSchema },
      responses: gone,
    }),
    async (c) => {
      await deleteScoringRule(db, actorOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/leads/score-model',
      summary: 'The learned score: current model, latest request, outcomes so far',
      responses: { 200: jsonResponse(modelStatusSchema, 'Status'), ...errorResponses },
    }),
    async (c) => c.json(await modelStatus(db, actorOf(c)), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/leads/score-model/train',
      summary: 'Train the learned score in a job (needs enough won and lost leads)',
      request: { body: jsonBody(trainModelSchema) },
      responses: { 202: jsonResponse(modelViewSchema, 'Queued'), ...errorResponses },
    }),
    async (c) => c.json(await requestModelTraining(db, actorOf(c), c.req.valid('json')), 202),
  );

  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/leads/forms',
      summary: 'Web forms that post leads',
      responses: items(leadFormViewSchema, 'Forms'),
    }),
    async (c) => c.json({ items: await listLeadForms(db, actorOf(c)) }, 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/leads/forms',
      summary: 'Add a web form; the answer holds its secret key once',
      request: { body: jsonBody(createLeadFormSchema) },
      responses: { 201: jsonResponse(leadFormViewSchema, 'Created'), ...errorResponses },
    }),
    async (c) => c.json(await createLeadForm(db, actorOf(c), c.req.valid('json')), 201),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'patch',
      path: '/leads/forms/{id}',
      summary: 'Switch a web form off or on',
      request: { params: idParamSchema, body: jsonBody(z.object({ active: z.boolean() }).strict()) },
      responses: { 200: jsonResponse(leadFormViewSchema, 'The form'), ...errorResponses },
    }),
    async (c) =>
      c.json(await setLeadFormActive(db, actorOf(c), c.req.valid('param').id, c.req.valid('json').active), 200),
  );
}
