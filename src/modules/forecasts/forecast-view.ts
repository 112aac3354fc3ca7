import { z } from '@hono/zod-openapi';

const satang = z.number().int();
const pct = z.number().nullable();

export const forecastFiguresSchema = z.object({
  wonSatang: satang.openapi({ description: 'Deals won in the period.' }),
  wonCount: z.number().int(),
  committedSatang: satang.openapi({
    description: 'Open deals expected to close in the period at a stage of at least the commit threshold (full value).',
  }),
  committedCount: z.number().int(),
  weightedSatang: satang.openapi({
    description: 'The other open deals expected in the period, each valued × its stage probability.',
  }),
  openSatang: satang.openapi({ description: 'All open deals expected in the period, at full value.' }),
  openCount: z.number().int(),
  forecastSatang: satang.openapi({ description: 'won + committed + weighted.' }),
  bestCaseSatang: satang.openapi({ description: 'won + every open deal expected in the period.' }),
  quotaSatang: satang.nullable(),
  quotaDealCount: z.number().int().nullable(),
  attainmentPct: pct.openapi({ description: 'won ÷ quota, %.' }),
  forecastAttainmentPct: pct.openapi({ description: 'forecast ÷ quota, %.' }),
  lastYearWonSatang: satang.openapi({ description: 'Won in the same period one year earlier.' }),
  lastYearWonCount: z.number().int(),
  changeVsLastYearPct: pct.openapi({ description: '(won − last year) ÷ last year, %.' }),
});
export type ForecastFigures = z.infer<typeof forecastFiguresSchema>;

export const forecastSchema = forecastFiguresSchema
  .extend({
    period: z.object({
      label: z.string(),
      kind: z.enum(['month', 'quarter']),
      start: z.string(),
      end: z.string().openapi({ description: 'First day after the period.' }),
    }),
    lastYearPeriod: z.string(),
    currency: z.string(),
    commitThreshold: z.number().int(),
    owners: z.array(
      forecastFiguresSchema.extend({
        ownerId: z.string().uuid().nullable(),
        ownerName: z.string().nullable(),
      }),
    ),
  })
  .openapi('SalesForecast');
export type Forecast = z.infer<typeof forecastSchema>;

export const forecastQuerySchema = z.object({
  period: z.string().max(10).openapi({ example: '2026-Q4', description: 'A month (2026-12) or quarter (2026-Q4).' }),
  userId: z.string().uuid().optional(),
  teamId: z.string().uuid().optional(),
});
export type ForecastQuery = z.infer<typeof forecastQuerySchema>;
