import type { ModuleRuntime } from '../../core/module.ts';
import { expireQuotes } from './expire-quotes.ts';

export const QUOTE_EXPIRY_JOB = 'quotes.expire';

/** Daily at 00:05 in the business time zone: sent quotes past their validity become expired. */
export function registerQuoteJobs({ deps, jobs }: ModuleRuntime): void {
  const { db } = deps.database;
  jobs.register({
    name: QUOTE_EXPIRY_JOB,
    cron: '5 0 * * *',
    retryLimit: 3,
    retryDelay: 300,
    handler: async (_data, ctx) => {
      const expired = await expireQuotes(db);
      if (expired > 0) ctx.logger.info({ expired }, 'quotes expired');
    },
  });
}
