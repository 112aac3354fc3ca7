import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../core/db/database.ts';
import type { AppEnv } from '../../core/http/app-env.ts';
import { clientIp } from '../../core/http/client-ip.ts';
import { errorResponses, jsonBody, jsonResponse } from '../../core/http/openapi-common.ts';
import { captureFormLead, type FormSubmission } from './capture-form-lead.ts';

const keyParamSchema = z.object({
  key: z
    .string()
    .min(10)
    .max(200)
    .openapi({ param: { name: 'key', in: 'path' }, description: "The form's secret key (lf_…)." }),
});

/** Public by design: a web form posts here with its key; nothing else is exposed. */
export function publicLeadRoutes(r: OpenAPIHono<AppEnv>, db: Db): void {
  const { 400: bad, 404: missing } = errorResponses;
  r.openapi(
    createRoute({
      tags: ['Leads'],
      security: [],
      method: 'post',
      path: '/public/lead-forms/{key}',
      summary: 'A web form submission becomes a lead (public; the key is the credential; rate limited)',
      description:
        'Body (JSON): firstName, lastName, company, jobTitle, email, phone, lineId, province, message, page. ' +
        'It is checked after the rate limit, so a flood of bad posts is refused too (LeadFormSubmission).',
      // Loose here on purpose: the use case validates after counting the post against the limit.
      request: { params: keyParamSchema, body: jsonBody(z.record(z.string(), z.unknown())) },
      responses: {
        201: jsonResponse(z.object({ id: z.string().uuid() }), 'Received'),
        400: bad,
        404: missing,
        429: { description: 'Too many submissions' },
      },
    }),
    async (c) =>
      c.json(
        await captureFormLead(db, c.req.valid('param').key, c.req.valid('json') as FormSubmission, {
          ip: clientIp(c),
          requestId: c.get('requestId'),
        }),
        201,
      ),
  );
}
