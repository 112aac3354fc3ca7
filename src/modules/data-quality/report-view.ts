import { z } from '@hono/zod-openapi';
import { COMPLETENESS_FIELDS } from './quality-checks.ts';

const listLink = z.string().nullable().openapi({
  description:
    'Where the customers of this check are listed: a GET /api/v1/customers query (e.g. "/api/v1/customers?ownerId=none"), or GET /api/v1/data-quality/{check}/customers.',
});

const check = z.object({ count: z.number().int(), list: listLink });

export const dataQualityQuerySchema = z.object({
  staleMonths: z.coerce
    .number()
    .int()
    .min(1)
    .max(120)
    .default(12)
    .openapi({ description: 'A profile is stale when neither updated nor contacted in this many months.' }),
});

export const dataQualityReportSchema = z
  .object({
    total: z.number().int().openapi({ description: 'Active customers you may see.' }),
    completeness: z.array(
      check.extend({
        field: z.enum(COMPLETENESS_FIELDS),
        filled: z.number().int(),
        total: z.number().int().openapi({ description: 'Customers the field applies to (birthday, gender: people).' }),
        count: z.number().int().openapi({ description: 'Customers missing it (total − filled).' }),
      }),
    ),
    unreachable: check.extend({
      identities: z.number().int().openapi({ description: 'Identities marked invalid, bounced or unreachable.' }),
    }),
    stale: check.extend({ months: z.number().int() }),
    duplicates: check.extend({
      method: z
        .enum(['dedupe_finder'])
        .openapi({ description: "Counted by the dedupe module's finder (pairs, score ≥ 50)." }),
    }),
    consentGaps: check,
  })
  .openapi('DataQualityReport');
export type DataQualityReport = z.infer<typeof dataQualityReportSchema>;
