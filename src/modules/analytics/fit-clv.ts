import { z } from '@hono/zod-openapi';
import { authorize, scopeFor } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { type FitWarning, fitModels, type ModelFit } from './fit-models.ts';
import { type CalibrationInput, loadSummaries } from './load-summaries.ts';

export const fitRequestSchema = z
  .object({
    calibrationEnd: z.string().openapi({ example: '1997-09-30', description: 'Last day observed, YYYY-MM-DD' }),
    timeUnit: z.string().openapi({ example: 'week', description: 'week or day' }),
  })
  .openapi('ClvFitRequest');

const num = z.number().nullable();
export const fitResultSchema = z
  .object({
    calibrationEnd: z.string(),
    timeUnit: z.enum(['week', 'day']),
    customers: z.number().int(),
    repeatCustomers: z.number().int(),
    bgnbd: z.object({ r: z.number(), alpha: z.number(), a: z.number(), b: z.number(), logLikelihood: z.number() }),
    gammaGamma: z.object({ p: num, q: num, v: num, logLikelihood: num, excluded: z.number().int() }),
    warnings: z.array(z.object({ code: z.string(), en: z.string(), th: z.string() })),
  })
  .openapi('ClvFit');
export type FitResult = z.infer<typeof fitResultSchema>;

/** Requires analytics read over all records: the parameters summarise every customer. */
export function authorizeWholeBook(actor: Actor, action: 'read' | 'update'): void {
  authorize(actor.principal, 'analytics', action);
  if (scopeFor(actor.principal, 'analytics') !== 'all') {
    throw new AppError('forbidden', { module: 'analytics', action: `${action} (all customers)` });
  }
}

export function fitView(calibrationEnd: string, timeUnit: 'week' | 'day', f: ModelFit): FitResult {
  const { r, alpha, a, b, logLikelihood } = f.bgnbd;
  const g = f.gammaGamma;
  return {
    calibrationEnd,
    timeUnit,
    customers: f.customers,
    repeatCustomers: f.repeatCustomers,
    bgnbd: { r, alpha, a, b, logLikelihood },
    gammaGamma: {
      p: g?.p ?? null,
      q: g?.q ?? null,
      v: g?.v ?? null,
      logLikelihood: g?.logLikelihood ?? null,
      excluded: f.ggExcluded,
    },
    warnings: f.warnings.map((w: FitWarning) => ({ ...w })),
  };
}

/**
 * Fits BG/NBD and Gamma-Gamma on every customer's orders up to the calibration end and
 * returns the parameters; nothing is written. Spend parameters are in baht.
 */
export async function fitClv(db: DbOrTx, actor: Actor, input: CalibrationInput): Promise<FitResult> {
  authorizeWholeBook(actor, 'read');
  if (input.calibrationEnd === undefined) throw new AppError('analytics_bad_date', { value: '' });
  if (input.timeUnit === undefined) throw new AppError('analytics_unsupported_time_unit', { value: '' });
  const loaded = await loadSummaries(db, input);
  return fitView(loaded.calibrationEnd, loaded.timeUnit, fitModels(loaded.summaries, loaded.calibrationEnd));
}
