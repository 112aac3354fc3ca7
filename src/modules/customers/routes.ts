import { createRoute } from '@hono/zod-openapi';
import { actorOf } from '../../core/http/actor.ts';
import type { AppDeps } from '../../core/http/app-env.ts';
import { errorResponses, idParamSchema, jsonBody, jsonResponse, security } from '../../core/http/openapi-common.ts';
import { pageSchema } from '../../core/http/pagination.ts';
import { newRouter } from '../../core/http/router.ts';
import { mountBulkRoutes } from './bulk-routes.ts';
import { createCustomer } from './create-customer.ts';
import { createCustomerSchema, updateCustomerSchema } from './customer-input.ts';
import { customerViewSchema } from './customer-view.ts';
import { getCustomer } from './get-customer.ts';
import { mountIdentityRoutes } from './identity-routes.ts';
import { listCustomers, listCustomersQuerySchema } from './list-customers.ts';
import { updateCustomer } from './update-customer.ts';

/** Customers: HTTP calls the use cases; record visibility is enforced inside them. */
export function customerRoutes(deps: AppDeps) {
  const { db } = deps.database;
  const r = newRouter();
  const common = { security, tags: ['Customers'] };

  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/customers',
      summary: 'Search and filter the customers you may see (cf.<key>=… filters custom fields)',
      request: { query: listCustomersQuerySchema },
      responses: { 200: jsonResponse(pageSchema(customerViewSchema), 'A page of customers'), ...errorResponses },
    }),
    async (c) => c.json(await listCustomers(db, actorOf(c), c.req.valid('query')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/customers',
      summary: 'Create a customer (owned by you unless your role may assign it)',
      request: { body: jsonBody(createCustomerSchema) },
      responses: { 201: jsonResponse(customerViewSchema, 'Created'), ...errorResponses },
    }),
    async (c) => c.json(await createCustomer(db, actorOf(c), c.req.valid('json')), 201),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/customers/{id}',
      summary: 'Get a customer',
      request: { params: idParamSchema },
      responses: { 200: jsonResponse(customerViewSchema, 'The customer'), ...errorResponses },
    }),
    async (c) => c.json(await getCustomer(db, actorOf(c), c.req.valid('param').id), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'patch',
      path: '/customers/{id}',
      summary: 'Change a customer (send only the fields to change; null or "" clears one)',
      request: { params: idParamSchema, body: jsonBody(updateCustomerSchema) },
      responses: { 200: jsonResponse(customerViewSchema, 'Updated'), ...errorResponses },
    }),
    async (c) => c.json(await updateCustomer(db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  mountBulkRoutes(r, db);
  mountIdentityRoutes(r, db);
  return r;
}
