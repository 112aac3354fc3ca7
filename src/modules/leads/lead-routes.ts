import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../core/db/database.ts';
import { actorOf } from '../../core/http/actor.ts';
import type { AppEnv } from '../../core/http/app-env.ts';
import { errorResponses, idParamSchema, jsonBody, jsonResponse, security } from '../../core/http/openapi-common.ts';
import { pageSchema } from '../../core/http/pagination.ts';
import { changeLeadStatus } from './change-lead-status.ts';
import { convertLead } from './convert-lead.ts';
import { createLead } from './create-lead.ts';
import { getLead, listLeadEvents } from './get-lead.ts';
import {
  convertLeadSchema,
  createLeadSchema,
  leadEventSchema,
  leadStatusChangeSchema,
  updateLeadSchema,
} from './lead-input.ts';
import { leadEventViewSchema, leadViewSchema } from './lead-view.ts';
import { listLeads, listLeadsQuerySchema } from './list-leads.ts';
import { logLeadEvent } from './log-lead-event.ts';
import { updateLead } from './update-lead.ts';

const common = { security, tags: ['Leads'] };
const lead = (description: string) => ({ 200: jsonResponse(leadViewSchema, description), ...errorResponses });

/** Leads: enter, list, read, change, qualify, log behaviour, convert. */
export function leadRoutes(r: OpenAPIHono<AppEnv>, db: Db): void {
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/leads',
      summary: 'Enter a lead (manual or API); the assignment rules pick an owner when none is given',
      description: 'Send an Idempotency-Key header to retry safely.',
      request: { body: jsonBody(createLeadSchema) },
      responses: { 201: jsonResponse(leadViewSchema, 'Created'), ...errorResponses },
    }),
    async (c) => c.json(await createLead(db, actorOf(c), c.req.valid('json')), 201),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/leads',
      summary: 'Leads the caller may see (status, owner, source, score range, search), newest or best first',
      request: { query: listLeadsQuerySchema },
      responses: { 200: jsonResponse(pageSchema(leadViewSchema), 'A page of leads'), ...errorResponses },
    }),
    async (c) => c.json(await listLeads(db, actorOf(c), c.req.valid('query')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/leads/{id}',
      summary: 'One lead with its score and the reasons for it',
      request: { params: idParamSchema },
      responses: lead('The lead'),
    }),
    async (c) => c.json(await getLead(db, actorOf(c), c.req.valid('param').id), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'patch',
      path: '/leads/{id}',
      summary: "Change a lead's details or owner",
      request: { params: idParamSchema, body: jsonBody(updateLeadSchema) },
      responses: lead('The lead'),
    }),
    async (c) => c.json(await updateLead(db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/leads/{id}/status',
      summary: 'Qualify: new, contacted, qualified, or disqualified (with a reason)',
      request: { params: idParamSchema, body: jsonBody(leadStatusChangeSchema) },
      responses: lead('The lead'),
    }),
    async (c) => c.json(await changeLeadStatus(db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/leads/{id}/events',
      summary: "A lead's behaviour and notes, newest first",
      request: { params: idParamSchema },
      responses: {
        200: jsonResponse(z.object({ items: z.array(leadEventViewSchema) }), 'Events'),
        ...errorResponses,
      },
    }),
    async (c) => c.json({ items: await listLeadEvents(db, actorOf(c), c.req.valid('param').id) }, 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/leads/{id}/events',
      summary: 'Log behaviour (form fill, email click, visit, reply, call, meeting, note); the lead is rescored',
      request: { params: idParamSchema, body: jsonBody(leadEventSchema) },
      responses: { 201: jsonResponse(leadViewSchema, 'The lead, rescored'), ...errorResponses },
    }),
    async (c) => c.json(await logLeadEvent(db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/leads/{id}/convert',
      summary: 'Convert to a customer (found or created by identity resolution) and optionally a deal',
      description: 'The lead keeps its links; its history goes to the customer timeline. Twice is 409.',
      request: { params: idParamSchema, body: jsonBody(convertLeadSchema) },
      responses: lead('The converted lead'),
    }),
    async (c) => c.json(await convertLead(db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
}
