import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { actorOf } from '../../core/http/actor.ts';
import type { AppDeps, AppEnv } from '../../core/http/app-env.ts';
import { errorResponses, idParamSchema, jsonBody, jsonResponse, security } from '../../core/http/openapi-common.ts';
import { pageSchema } from '../../core/http/pagination.ts';
import { changeOrderStatus, ORDER_TRANSITIONS, transitionSchema } from './change-order-status.ts';
import { createOrder } from './create-order.ts';
import { getOrder } from './get-order.ts';
import { listOrders, listOrdersQuerySchema } from './list-orders.ts';
import { createOrderSchema } from './order-input.ts';
import { orderViewSchema } from './order-view.ts';
import { refundOrder, refundSchema } from './refund-order.ts';

const common = { security, tags: ['Orders'] };
const SUMMARY: Record<(typeof ORDER_TRANSITIONS)[number], string> = {
  pay: 'Record payment of a pending order',
  fulfil: 'Record delivery (carrier, tracking number)',
  cancel: 'Cancel an unpaid order (a paid one is refunded instead)',
};

export function orderRoutes(deps: AppDeps) {
  const db = deps.database.db;
  const r = new OpenAPIHono<AppEnv>();
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/orders',
      summary: 'Record an order (idempotent by source + externalId) for POS and shop integrations',
      description:
        'The customer is given by customerId or by identifiers, which go through identity resolution. ' +
        'Repeating a call with the same source, externalId and content returns the existing order (200); ' +
        'the same externalId with different content is refused (409) and changes nothing.',
      request: { body: jsonBody(createOrderSchema) },
      responses: {
        201: jsonResponse(orderViewSchema, 'Created'),
        200: jsonResponse(orderViewSchema, 'The same order already existed'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { order, created } = await createOrder(db, actorOf(c), c.req.valid('json'));
      return created ? c.json(order, 201) : c.json(order, 200);
    },
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/orders',
      summary: 'Orders of the customers the caller may see, newest first',
      request: { query: listOrdersQuerySchema },
      responses: { 200: jsonResponse(pageSchema(orderViewSchema), 'A page of orders'), ...errorResponses },
    }),
    async (c) => c.json(await listOrders(db, actorOf(c), c.req.valid('query')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/orders/{id}',
      summary: 'One order with its lines and refunds',
      request: { params: idParamSchema },
      responses: { 200: jsonResponse(orderViewSchema, 'The order'), ...errorResponses },
    }),
    async (c) => c.json(await getOrder(db, actorOf(c), c.req.valid('param').id), 200),
  );
  for (const step of ORDER_TRANSITIONS) {
    r.openapi(
      createRoute({
        ...common,
        method: 'post',
        path: `/orders/{id}/${step}`,
        summary: SUMMARY[step],
        request: { params: idParamSchema, body: jsonBody(transitionSchema) },
        responses: { 200: jsonResponse(orderViewSchema, 'The order'), ...errorResponses },
      }),
      async (c) =>
        c.json(await changeOrderStatus(db, actorOf(c), c.req.valid('param').id, step, c.req.valid('json')), 200),
    );
  }
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/orders/{id}/refunds',
      summary: 'Refund part or all of what was paid, with returned goods',
      request: { params: idParamSchema, body: jsonBody(refundSchema) },
      responses: { 200: jsonResponse(orderViewSchema, 'The order after the refund'), ...errorResponses },
    }),
    async (c) => c.json(await refundOrder(db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  return r;
}
