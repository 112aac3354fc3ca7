import type { ModuleRuntime } from '../../core/module.ts';
import { RESCORE_REQUESTED } from './manage-scoring-rules.ts';
import { rescoreAllLeads } from './rescore-lead.ts';
import { MODEL_TRAINING_REQUESTED } from './score-model.ts';
import { trainScoreModel } from './train-score-model.ts';

export const NIGHTLY_RESCORE_JOB = 'leads.rescore-nightly';

/** Rescoring after rule changes, model training on request, and a nightly rescore so decay shows. */
export function registerLeadJobs({ deps, jobs, events }: ModuleRuntime): void {
  const { db } = deps.database;
  events.subscribe(
    RESCORE_REQUESTED,
    'leads.rescore-all',
    async (_event, ctx) => {
      const n = await rescoreAllLeads(db);
      ctx.logger.info({ leads: n }, 'leads rescored after a rule change');
    },
    { retryLimit: 2, retryDelay: 30 },
  );
  events.subscribe(
    MODEL_TRAINING_REQUESTED,
    'leads.train-score-model',
    async (event, ctx) => {
      const model = await trainScoreModel(db, String(event.payload.modelId ?? event.aggregateId));
      ctx.logger.info(
        { modelId: model.id, status: model.status, auc: model.auc, error: model.errorCode },
        'lead score model',
      );
    },
    { retryLimit: 1, retryDelay: 60 },
  );
  jobs.register({
    name: NIGHTLY_RESCORE_JOB,
    cron: '15 3 * * *',
    retryLimit: 1,
    retryDelay: 600,
    handler: async (_data, ctx) => {
      ctx.logger.info({ leads: await rescoreAllLeads(db) }, 'leads rescored nightly');
    },
  });
}
