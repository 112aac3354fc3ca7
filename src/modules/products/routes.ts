import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { actorOf } from '../../core/http/actor.ts';
import type { AppDeps, AppEnv } from '../../core/http/app-env.ts';
import { errorResponses, idParamSchema, jsonBody, jsonResponse, security } from '../../core/http/openapi-common.ts';
import { pageSchema } from '../../core/http/pagination.ts';
import { createPriceList } from './create-price-list.ts';
import { createProduct } from './create-product.ts';
import { getPriceList } from './get-price-list.ts';
import { getProduct } from './get-product.ts';
import { listPriceLists } from './list-price-lists.ts';
import { listProducts, listProductsQuerySchema } from './list-products.ts';
import { priceForCustomer, priceQuerySchema, priceViewSchema } from './price-for-customer.ts';
import { createPriceListSchema, priceListViewSchema, updatePriceListSchema } from './price-list-input.ts';
import { createProductSchema, productViewSchema, updateProductSchema } from './product-input.ts';
import { updatePriceList } from './update-price-list.ts';
import { updateProduct } from './update-product.ts';

const products = { security, tags: ['Products'] };
const lists = { security, tags: ['Price lists'] };

/** The catalogue: anyone who may read sales reads it; managers and admins change it. */
export function productRoutes(deps: AppDeps) {
  const db = deps.database.db;
  const r = new OpenAPIHono<AppEnv>();
  r.openapi(
    createRoute({
      ...products,
      method: 'get',
      path: '/products',
      summary: 'List products by SKU (active ones unless asked)',
      request: { query: listProductsQuerySchema },
      responses: { 200: jsonResponse(pageSchema(productViewSchema), 'A page of products'), ...errorResponses },
    }),
    async (c) => c.json(await listProducts(db, actorOf(c), c.req.valid('query')), 200),
  );
  r.openapi(
    createRoute({
      ...products,
      method: 'post',
      path: '/products',
      summary: 'Add a product or service (managers and admins)',
      request: { body: jsonBody(createProductSchema) },
      responses: { 201: jsonResponse(productViewSchema, 'Created'), ...errorResponses },
    }),
    async (c) => c.json(await createProduct(db, actorOf(c), c.req.valid('json')), 201),
  );
  r.openapi(
    createRoute({
      ...products,
      method: 'get',
      path: '/products/price',
      summary: "A customer's unit price for a product (price lists, volume steps), or the list price",
      request: { query: priceQuerySchema },
      responses: { 200: jsonResponse(priceViewSchema, 'The price'), ...errorResponses },
    }),
    async (c) => c.json(await priceForCustomer(db, actorOf(c), c.req.valid('query')), 200),
  );
  r.openapi(
    createRoute({
      ...products,
      method: 'get',
      path: '/products/{id}',
      summary: 'One product',
      request: { params: idParamSchema },
      responses: { 200: jsonResponse(productViewSchema, 'The product'), ...errorResponses },
    }),
    async (c) => c.json(await getProduct(db, actorOf(c), c.req.valid('param').id), 200),
  );
  r.openapi(
    createRoute({
      ...products,
      method: 'patch',
      path: '/products/{id}',
      summary: 'Change a product; archive it with active: false',
      request: { params: idParamSchema, body: jsonBody(updateProductSchema) },
      responses: { 200: jsonResponse(productViewSchema, 'Updated'), ...errorResponses },
    }),
    async (c) => c.json(await updateProduct(db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({
      ...lists,
      method: 'get',
      path: '/price-lists',
      summary: 'Every price list with its prices, highest priority first',
      responses: {
        200: jsonResponse(z.object({ items: z.array(priceListViewSchema) }), 'The lists'),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await listPriceLists(db, actorOf(c)), 200),
  );
  r.openapi(
    createRoute({
      ...lists,
      method: 'post',
      path: '/price-lists',
      summary: 'Create a price list for a customer group (type and/or tag)',
      request: { body: jsonBody(createPriceListSchema) },
      responses: { 201: jsonResponse(priceListViewSchema, 'Created'), ...errorResponses },
    }),
    async (c) => c.json(await createPriceList(db, actorOf(c), c.req.valid('json')), 201),
  );
  r.openapi(
    createRoute({
      ...lists,
      method: 'get',
      path: '/price-lists/{id}',
      summary: 'One price list with its prices',
      request: { params: idParamSchema },
      responses: { 200: jsonResponse(priceListViewSchema, 'The list'), ...errorResponses },
    }),
    async (c) => c.json(await getPriceList(db, actorOf(c), c.req.valid('param').id), 200),
  );
  r.openapi(
    createRoute({
      ...lists,
      method: 'patch',
      path: '/price-lists/{id}',
      summary: 'Change a price list; items, when given, replace all its prices',
      request: { params: idParamSchema, body: jsonBody(updatePriceListSchema) },
      responses: { 200: jsonResponse(priceListViewSchema, 'Updated'), ...errorResponses },
    }),
    async (c) => c.json(await updatePriceList(db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  return r;
}
