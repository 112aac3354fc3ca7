import type { ModuleDefinition } from '../../core/module.ts';
import { ladderErrors } from './errors.ts';
import { registerLadderJobs } from './jobs.ts';
import { ladderRoutes } from './routes.ts';

/**
 * Relationship ladder: each customer's stage (prospect → partner) by rules an admin tunes,
 * staff overrides with a reason, the history of changes and counts per stage.
 * Later modules feed it through FACT_SOURCES in ladder-facts.ts.
 */
export const ladderModule: ModuleDefinition = {
  name: 'ladder',
  routes: ladderRoutes,
  errors: ladderErrors,
  register: registerLadderJobs,
};

export { countStages } from './count-stages.ts';
export { getCustomerLadder } from './get-customer-ladder.ts';
export { FACT_SOURCES, type FactSource, type LadderFacts, ladderFacts } from './ladder-facts.ts';
export { DEFAULT_LADDER_RULES, type LadderRules, ladderRulesSchema } from './ladder-rules.ts';
export { recomputeAllLadder, recomputeLadder } from './recompute-ladder.ts';
export { customerLadder, ladderHistory } from './schema.ts';
export { LADDER_STAGE_LABELS, LADDER_STAGES, type LadderStage } from './stages.ts';
