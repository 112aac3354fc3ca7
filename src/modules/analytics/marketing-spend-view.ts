import { z } from '@hono/zod-openapi';
import { AppError } from '../../core/errors/app-error.ts';
import { parseMonth } from './period-input.ts';
import type { marketingSpend } from './schema.ts';

export const marketingSpendSchema = z
  .object({
    id: z.string().uuid(),
    month: z.string().openapi({ example: '2026-10' }),
    currency: z.string(),
    channel: z.string().openapi({ description: "Where the money went (e.g. 'facebook'); '' for the month's total" }),
    amountSatang: z.number().int(),
    note: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('MarketingSpend');
export type MarketingSpendView = z.infer<typeof marketingSpendSchema>;

const fields = {
  month: z.string().openapi({ example: '2026-10', description: 'YYYY-MM' }),
  currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code such as THB'),
  channel: z.string().trim().max(60),
  amountSatang: z.number().int().min(0).max(1e15),
  note: z.string().max(500).nullable(),
};

export const createSpendSchema = z
  .object({
    month: fields.month,
    currency: fields.currency.optional(),
    channel: fields.channel.optional(),
    amountSatang: fields.amountSatang,
    note: fields.note.optional(),
  })
  .openapi('MarketingSpendCreate');
export type CreateSpendInput = z.infer<typeof createSpendSchema>;

export const updateSpendSchema = z
  .object({ amountSatang: fields.amountSatang.optional(), note: fields.note.optional() })
  .openapi('MarketingSpendUpdate');
export type UpdateSpendInput = z.infer<typeof updateSpendSchema>;

export const spendListQuerySchema = z.object({
  from: z
    .string()
    .optional()
    .openapi({ param: { name: 'from', in: 'query' }, example: '2026-01' }),
  to: z
    .string()
    .optional()
    .openapi({ param: { name: 'to', in: 'query' }, example: '2026-12' }),
});

export const spendListSchema = z.object({ items: z.array(marketingSpendSchema) }).openapi('MarketingSpendList');

export function toSpendView(row: typeof marketingSpend.$inferSelect): MarketingSpendView {
  return {
    id: row.id,
    month: row.month.slice(0, 7),
    currency: row.currency,
    channel: row.channel,
    amountSatang: Number(row.amountSatang),
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const spendExists = (month: string, currency: string, channel: string) =>
  new AppError('analytics_spend_exists', {
    month: month.slice(0, 7),
    currency,
    channel: channel ? `, ${channel}` : '',
  });

export { parseMonth };
