import { z } from '@hono/zod-openapi';

const uuid = z.string().uuid();
const period = z
  .string()
  .trim()
  .max(10)
  .openapi({ description: 'A month (2026-12) or a quarter (2026-Q4).', example: '2026-Q4' });
const amount = z
  .number()
  .int()
  .min(0)
  .max(1e15)
  .openapi({ description: 'Revenue target in satang (THB × 100).', example: 150_000_000 });
const dealCount = z
  .number()
  .int()
  .min(0)
  .max(1_000_000)
  .nullish()
  .openapi({ description: 'Optional target of won deals.' });

export const createQuotaSchema = z
  .object({
    userId: uuid.optional(),
    teamId: uuid.optional(),
    period,
    amountSatang: amount,
    dealCount,
  })
  .strict()
  .openapi('QuotaCreate');
export type CreateQuotaInput = z.input<typeof createQuotaSchema>;

export const updateQuotaSchema = z
  .object({ amountSatang: amount.optional(), dealCount })
  .strict()
  .openapi('QuotaUpdate');
export type UpdateQuotaInput = z.input<typeof updateQuotaSchema>;

export const listQuotasQuerySchema = z.object({
  period: period.optional(),
  year: z.coerce.number().int().min(2000).max(2200).optional(),
  userId: uuid.optional(),
  teamId: uuid.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  cursor: z.string().max(500).optional(),
});
export type ListQuotasQuery = z.infer<typeof listQuotasQuerySchema>;
