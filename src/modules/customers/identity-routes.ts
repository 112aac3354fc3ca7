import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../core/db/database.ts';
import { actorOf } from '../../core/http/actor.ts';
import type { AppEnv } from '../../core/http/app-env.ts';
import { errorResponses, idParamSchema, jsonBody, jsonResponse, security } from '../../core/http/openapi-common.ts';
import { addIdentity } from './add-identity.ts';
import { addIdentitySchema, identityViewSchema, updateIdentitySchema } from './identity-view.ts';
import { listIdentities } from './list-identities.ts';
import { removeIdentity } from './remove-identity.ts';
import { updateIdentity } from './update-identity.ts';

const common = { security, tags: ['Customers'] };

const identityParams = idParamSchema.extend({
  identityId: z
    .string()
    .uuid()
    .openapi({ param: { name: 'identityId', in: 'path' } }),
});

/** A customer's identifiers (what identity resolution matches on); visibility follows the customer. */
export function mountIdentityRoutes(r: OpenAPIHono<AppEnv>, db: Db): void {
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/customers/{id}/identities',
      summary: "A customer's identifiers (email, phone, LINE, Facebook, POS, external ids)",
      request: { params: idParamSchema },
      responses: {
        200: jsonResponse(z.object({ items: z.array(identityViewSchema) }), 'The identifiers'),
        ...errorResponses,
      },
    }),
    async (c) => c.json({ items: await listIdentities(db, actorOf(c), c.req.valid('param').id) }, 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/customers/{id}/identities',
      summary: 'Add an identifier (409 identifier_in_use when another profile holds it)',
      request: { params: idParamSchema, body: jsonBody(addIdentitySchema) },
      responses: {
        201: jsonResponse(identityViewSchema, 'Added'),
        200: jsonResponse(identityViewSchema, 'This customer already held it'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { identity, created } = await addIdentity(db, actorOf(c), c.req.valid('param').id, c.req.valid('json'));
      return created ? c.json(identity, 201) : c.json(identity, 200);
    },
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'patch',
      path: '/customers/{id}/identities/{identityId}',
      summary: 'Mark an identifier ok/invalid/bounced/unreachable, or make it primary',
      request: { params: identityParams, body: jsonBody(updateIdentitySchema) },
      responses: { 200: jsonResponse(identityViewSchema, 'Updated'), ...errorResponses },
    }),
    async (c) => {
      const { id, identityId } = c.req.valid('param');
      return c.json(await updateIdentity(db, actorOf(c), id, identityId, c.req.valid('json')), 200);
    },
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'delete',
      path: '/customers/{id}/identities/{identityId}',
      summary: 'Remove an identifier (removing the primary clears that contact on the profile)',
      request: { params: identityParams },
      responses: { 204: { description: 'Removed' }, ...errorResponses },
    }),
    async (c) => {
      const { id, identityId } = c.req.valid('param');
      await removeIdentity(db, actorOf(c), id, identityId);
      return c.body(null, 204);
    },
  );
}
