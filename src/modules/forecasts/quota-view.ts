import { z } from '@hono/zod-openapi';
import { periodOf } from './period.ts';
import type { quotas } from './schema.ts';

export const quotaViewSchema = z
  .object({
    id: z.string().uuid(),
    userId: z.string().uuid().nullable(),
    userName: z.string().nullable(),
    teamId: z.string().uuid().nullable(),
    teamName: z.string().nullable(),
    period: z.string().openapi({ example: '2026-Q4' }),
    periodKind: z.enum(['month', 'quarter']),
    periodStart: z.string(),
    periodEnd: z.string().openapi({ description: 'The first day after the period.' }),
    amountSatang: z.number().int(),
    dealCount: z.number().int().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Quota');
export type QuotaView = z.infer<typeof quotaViewSchema>;

export type QuotaRow = typeof quotas.$inferSelect;

export function toQuotaView(row: QuotaRow, names: { userName?: string | null; teamName?: string | null }): QuotaView {
  const p = periodOf(row.periodKind as 'month' | 'quarter', row.periodStart);
  return {
    id: row.id,
    userId: row.userId,
    userName: names.userName ?? null,
    teamId: row.teamId,
    teamName: names.teamName ?? null,
    period: p.label,
    periodKind: p.kind,
    periodStart: p.start,
    periodEnd: p.end,
    amountSatang: row.amountSatang,
    dealCount: row.dealCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
