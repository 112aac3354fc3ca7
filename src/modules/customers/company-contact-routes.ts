import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../core/db/database.ts';
import { actorOf } from '../../core/http/actor.ts';
import type { AppEnv } from '../../core/http/app-env.ts';
import { errorResponses, idParamSchema, jsonBody, jsonResponse, security } from '../../core/http/openapi-common.ts';
import {
  contactLinkViewSchema,
  contactListSchema,
  linkContactSchema,
  updateContactSchema,
} from './company-contact-input.ts';
import { linkContact } from './company-contact-link.ts';
import { listContacts } from './company-contact-list.ts';
import { unlinkContact } from './company-contact-unlink.ts';
import { updateContact } from './company-contact-update.ts';

const common = { security, tags: ['Customers'] };

const linkParams = idParamSchema.extend({
  personId: z
    .string()
    .uuid()
    .openapi({ param: { name: 'personId', in: 'path' } }),
});

/** A company's buying centre: people linked by role. */
export function mountCompanyContactRoutes(r: OpenAPIHono<AppEnv>, db: Db): void {
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/customers/{id}/contacts',
      summary: "A company's people with their roles, or a person's companies",
      request: { params: idParamSchema },
      responses: { 200: jsonResponse(contactListSchema, 'The links'), ...errorResponses },
    }),
    async (c) => c.json(await listContacts(db, actorOf(c), c.req.valid('param').id), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/customers/{id}/contacts',
      summary: "Link a person to a company's buying centre with a role",
      request: { params: idParamSchema, body: jsonBody(linkContactSchema) },
      responses: { 201: jsonResponse(contactLinkViewSchema, 'Linked'), ...errorResponses },
    }),
    async (c) => c.json(await linkContact(db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'patch',
      path: '/customers/{id}/contacts/{personId}',
      summary: "Change a contact's role or job title",
      request: { params: linkParams, body: jsonBody(updateContactSchema) },
      responses: { 200: jsonResponse(contactLinkViewSchema, 'Updated'), ...errorResponses },
    }),
    async (c) => {
      const { id, personId } = c.req.valid('param');
      return c.json(await updateContact(db, actorOf(c), id, personId, c.req.valid('json')), 200);
    },
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'delete',
      path: '/customers/{id}/contacts/{personId}',
      summary: "Remove a person from a company's buying centre",
      request: { params: linkParams },
      responses: { 204: { description: 'Removed' }, ...errorResponses },
    }),
    async (c) => {
      const { id, personId } = c.req.valid('param');
      await unlinkContact(db, actorOf(c), id, personId);
      return c.body(null, 204);
    },
  );
}
