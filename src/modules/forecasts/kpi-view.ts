import { z } from '@hono/zod-openapi';

const satang = z.number().int();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const kpiQuerySchema = z.object({
  from: day.openapi({ example: '2026-10-01', description: 'First business day of the range.' }),
  to: day.openapi({ example: '2026-12-31', description: 'Last business day of the range (inclusive).' }),
  userId: z.string().uuid().optional(),
  teamId: z.string().uuid().optional(),
  pipelineId: z.string().uuid().optional().openapi({ description: 'Pipeline by stage: only this pipeline.' }),
});
export type KpiQuery = z.infer<typeof kpiQuerySchema>;

export const periodKpisSchema = z.object({
  from: z.string(),
  to: z.string(),
  wonCount: z.number().int(),
  wonSatang: satang,
  lostCount: z.number().int(),
  lostSatang: satang,
  closeRatePct: z.number().nullable().openapi({ description: 'won ÷ (won + lost) closed in the range, %.' }),
  averageWonSatang: satang.nullable(),
  cycleDaysMean: z.number().nullable().openapi({ description: 'Days from created to won, mean (one decimal).' }),
  cycleDaysMedian: z.number().nullable(),
  dealsCreated: z.number().int(),
  revenueSatang: satang.openapi({ description: 'Paid orders (net of refunds) ordered in the range.' }),
  orders: z.number().int(),
  lostReasons: z.array(z.object({ reason: z.string(), count: z.number().int(), valueSatang: satang })),
  revenueByMonth: z.array(z.object({ month: z.string(), revenueSatang: satang, orders: z.number().int() })),
});
export type PeriodKpis = z.infer<typeof periodKpisSchema>;

export const stageValueSchema = z.object({
  pipelineId: z.string().uuid(),
  pipelineNameTh: z.string(),
  pipelineNameEn: z.string().nullable(),
  stageId: z.string().uuid(),
  nameTh: z.string(),
  nameEn: z.string().nullable(),
  position: z.number().int(),
  probability: z.number().int(),
  count: z.number().int(),
  valueSatang: satang,
  weightedSatang: satang,
});

export const kpisSchema = z
  .object({
    currency: z.string(),
    current: periodKpisSchema,
    previous: periodKpisSchema.openapi({ description: 'The same number of days just before, for comparison.' }),
    pipelineByStage: z.array(stageValueSchema).openapi({ description: 'Open deals now, per stage.' }),
  })
  .openapi('SalesKpis');
export type Kpis = z.infer<typeof kpisSchema>;

export const revenueQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2200).openapi({ example: 2026 }),
  userId: z.string().uuid().optional(),
  teamId: z.string().uuid().optional(),
});
export type RevenueQuery = z.infer<typeof revenueQuerySchema>;

export const revenueSchema = z
  .object({
    year: z.number().int(),
    currency: z.string(),
    months: z.array(
      z.object({
        month: z.number().int().min(1).max(12),
        revenueSatang: satang,
        lastYearSatang: satang,
        orders: z.number().int(),
        lastYearOrders: z.number().int(),
      }),
    ),
  })
  .openapi('SalesRevenueByMonth');
export type Revenue = z.infer<typeof revenueSchema>;
