import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../core/db/database.ts';
import { actorOf } from '../../core/http/actor.ts';
import type { AppEnv } from '../../core/http/app-env.ts';
import { errorResponses, idParamSchema, jsonBody, jsonResponse, security } from '../../core/http/openapi-common.ts';
import { addAddress } from './address-add.ts';
import { addressViewSchema, createAddressSchema, updateAddressSchema } from './address-input.ts';
import { listAddresses } from './address-list.ts';
import { removeAddress } from './address-remove.ts';
import { updateAddress } from './address-update.ts';

const common = { security, tags: ['Customers'] };

const addressParams = idParamSchema.extend({
  addressId: z
    .string()
    .uuid()
    .openapi({ param: { name: 'addressId', in: 'path' } }),
});

/** A customer's further addresses; visibility follows the customer. */
export function mountAddressRoutes(r: OpenAPIHono<AppEnv>, db: Db): void {
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/customers/{id}/addresses',
      summary: "A customer's addresses",
      request: { params: idParamSchema },
      responses: {
        200: jsonResponse(z.object({ items: z.array(addressViewSchema) }), 'The addresses'),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await listAddresses(db, actorOf(c), c.req.valid('param').id), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/customers/{id}/addresses',
      summary: 'Add an address to a customer',
      request: { params: idParamSchema, body: jsonBody(createAddressSchema) },
      responses: { 201: jsonResponse(addressViewSchema, 'Added'), ...errorResponses },
    }),
    async (c) => c.json(await addAddress(db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'patch',
      path: '/customers/{id}/addresses/{addressId}',
      summary: "Change a customer's address",
      request: { params: addressParams, body: jsonBody(updateAddressSchema) },
      responses: { 200: jsonResponse(addressViewSchema, 'Updated'), ...errorResponses },
    }),
    async (c) => {
      const { id, addressId } = c.req.valid('param');
      return c.json(await updateAddress(db, actorOf(c), id, addressId, c.req.valid('json')), 200);
    },
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'delete',
      path: '/customers/{id}/addresses/{addressId}',
      summary: "Remove a customer's address",
      request: { params: addressParams },
      responses: { 204: { description: 'Removed' }, ...errorResponses },
    }),
    async (c) => {
      const { id, addressId } = c.req.valid('param');
      await removeAddress(db, actorOf(c), id, addressId);
      return c.body(null, 204);
    },
  );
}
