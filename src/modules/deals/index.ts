import type { ModuleDefinition } from '../../core/module.ts';
import { dealErrors } from './errors.ts';
import { dealsModuleRoutes } from './routes.ts';

/** Deals on pipelines: the kanban board, stage history, won/lost with reasons. */
export const dealsModule: ModuleDefinition = {
  name: 'deals',
  routes: dealsModuleRoutes,
  errors: dealErrors,
};

export { closeDeal } from './close-deal.ts';
export { createDeal } from './create-deal.ts';
export { createPipeline } from './create-pipeline.ts';
export { type DealCard, dealCardSchema } from './deal-card.ts';
export { type CreateDealInput, DEAL_STATUSES, type DealStatus } from './deal-input.ts';
export { type DealView, dealViewSchema } from './deal-view.ts';
export { getDeal, getDealHistory } from './get-deal.ts';
export { listDeals } from './list-deals.ts';
export { getPipeline, listPipelines } from './list-pipelines.ts';
export { moveDeal } from './move-deal.ts';
export { pipelineBoard } from './pipeline-board.ts';
export { dealProducts, dealStageHistory, deals, pipelineStages, pipelines } from './schema.ts';
export { DEFAULT_PIPELINE_ID, SEEDED_STAGE_IDS } from './seeded-pipeline.ts';
export { updateDeal } from './update-deal.ts';
export { dealErrors };
