import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../../core/http/actor.ts';
import type { AppDeps } from '../../core/http/app-env.ts';
import { errorResponses, idParamSchema, jsonBody, jsonResponse, security } from '../../core/http/openapi-common.ts';
import { pageSchema } from '../../core/http/pagination.ts';
import { newRouter } from '../../core/http/router.ts';
import { acceptQuote } from './accept-quote.ts';
import { rejectQuote, sendQuote } from './change-quote-status.ts';
import { createQuote } from './create-quote.ts';
import { getQuote, listQuotes, listQuotesQuerySchema } from './list-quotes.ts';
import { createQuoteSchema, rejectQuoteSchema, updateQuoteSchema } from './quote-input.ts';
import { quotePdf } from './quote-pdf.ts';
import { quoteSummarySchema, quoteViewSchema } from './quote-view.ts';
import { updateQuote } from './update-quote.ts';

const common = { security, tags: ['Quotes'] };
const pdfQuerySchema = z.object({
  download: z
    .enum(['0', '1'])
    .optional()
    .openapi({ description: '1: as an attachment (save), otherwise inline (preview).' }),
});

/** /api/v1/quotes: quotes with their lines, status steps and the printable PDF. */
export function quoteRoutes(deps: AppDeps) {
  const db = deps.database.db;
  const r = newRouter();
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/quotes',
      summary: "Create a draft quote (lines priced from the customer's price list unless a price is given)",
      request: { body: jsonBody(createQuoteSchema) },
      responses: { 201: jsonResponse(quoteViewSchema, 'Created'), ...errorResponses },
    }),
    async (c) => c.json(await createQuote(db, actorOf(c), c.req.valid('json')), 201),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/quotes',
      summary: 'Quotes the caller may see, newest first',
      request: { query: listQuotesQuerySchema },
      responses: { 200: jsonResponse(pageSchema(quoteSummarySchema), 'A page of quotes'), ...errorResponses },
    }),
    async (c) => c.json(await listQuotes(db, actorOf(c), c.req.valid('query')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/quotes/{id}',
      summary: 'One quote with its lines',
      request: { params: idParamSchema },
      responses: { 200: jsonResponse(quoteViewSchema, 'The quote'), ...errorResponses },
    }),
    async (c) => c.json(await getQuote(db, actorOf(c), c.req.valid('param').id), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'patch',
      path: '/quotes/{id}',
      summary: 'Change a draft (lines given replace all lines)',
      request: { params: idParamSchema, body: jsonBody(updateQuoteSchema) },
      responses: { 200: jsonResponse(quoteViewSchema, 'The quote'), ...errorResponses },
    }),
    async (c) => c.json(await updateQuote(db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/quotes/{id}/send',
      summary: 'Mark a draft as sent to the customer (it is no longer editable)',
      request: { params: idParamSchema },
      responses: { 200: jsonResponse(quoteViewSchema, 'The quote'), ...errorResponses },
    }),
    async (c) => c.json(await sendQuote(db, actorOf(c), c.req.valid('param').id), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/quotes/{id}/accept',
      summary: 'The customer accepted: creates a pending order at the quoted prices (once)',
      request: { params: idParamSchema },
      responses: { 200: jsonResponse(quoteViewSchema, 'The quote, linked to its order'), ...errorResponses },
    }),
    async (c) => c.json(await acceptQuote(db, actorOf(c), c.req.valid('param').id), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/quotes/{id}/reject',
      summary: 'The customer declined, with the reason',
      request: { params: idParamSchema, body: jsonBody(rejectQuoteSchema) },
      responses: { 200: jsonResponse(quoteViewSchema, 'The quote'), ...errorResponses },
    }),
    async (c) => c.json(await rejectQuote(db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/quotes/{id}/pdf',
      summary: 'The printable quote as PDF (Thai font embedded), in the quote language',
      request: { params: idParamSchema, query: pdfQuerySchema },
      responses: {
        200: {
          description: 'The PDF',
          content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { number, pdf } = await quotePdf(db, actorOf(c), c.req.valid('param').id);
      const disposition = c.req.valid('query').download === '1' ? 'attachment' : 'inline';
      return c.body(new Uint8Array(pdf), 200, {
        'content-type': 'application/pdf',
        'content-length': String(pdf.length),
        'content-disposition': `${disposition}; filename="${number}.pdf"`,
        'cache-control': 'private, no-store',
      });
    },
  );
  return r;
}
