import { z } from '@hono/zod-openapi';
import { errorMessage } from '../../core/errors/catalog.ts';
import type { scoreRuns } from './schema.ts';

export const runViewSchema = z
  .object({
    id: z.string().uuid(),
    status: z.enum(['queued', 'running', 'succeeded', 'failed']),
    trigger: z.enum(['nightly', 'on_demand', 'cli']),
    calibrationEnd: z.string(),
    timeUnit: z.enum(['week', 'day']),
    progress: z.number().openapi({ description: '0 to 1' }),
    step: z.string().nullable().openapi({ description: 'summaries | fit | scores | writing | done' }),
    customers: z.number().int().nullable(),
    repeatCustomers: z.number().int().nullable(),
    scored: z.number().int().nullable(),
    params: z.record(z.string(), z.unknown()),
    error: z
      .object({ code: z.string(), en: z.string(), th: z.string() })
      .nullable()
      .openapi({ description: 'Why the run failed; the previous scores stay in place' }),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .openapi('ScoreRun');
export type RunView = z.infer<typeof runViewSchema>;

export function toRunView(row: typeof scoreRuns.$inferSelect): RunView {
  const e = row.error;
  return {
    id: row.id,
    status: row.status as RunView['status'],
    trigger: row.trigger as RunView['trigger'],
    calibrationEnd: row.calibrationEnd,
    timeUnit: row.timeUnit as RunView['timeUnit'],
    progress: row.progress,
    step: row.step,
    customers: row.customers,
    repeatCustomers: row.repeatCustomers,
    scored: row.scored,
    params: row.params,
    error: e
      ? { code: e.code, en: errorMessage(e.code, e.params ?? {}, 'en'), th: errorMessage(e.code, e.params ?? {}, 'th') }
      : null,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
