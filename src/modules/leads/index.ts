import type { ModuleDefinition } from '../../core/module.ts';
import { leadErrors } from './errors.ts';
import { registerLeadJobs } from './jobs.ts';
import { leadsModuleRoutes } from './routes.ts';

/** Leads: capture (forms, import, API, manual), assignment rules, rule and learned scoring, conversion. */
export const leadsModule: ModuleDefinition = {
  name: 'leads',
  routes: leadsModuleRoutes,
  errors: leadErrors,
  register: registerLeadJobs,
};

export { changeLeadStatus } from './change-lead-status.ts';
export { convertLead } from './convert-lead.ts';
export { createLead } from './create-lead.ts';
export { getLead, listLeadEvents } from './get-lead.ts';
export {
  importLeadBatch,
  type LeadBatchOutcome,
  type LeadBatchRow,
  ON_DUPLICATE,
  type OnDuplicate,
} from './import-leads.ts';
export { type ImportedLead, type LeadImportCells, parseLeadCells, type RowError } from './lead-import-row.ts';
export { type CreateLeadInput, LEAD_SOURCES, LEAD_STATUSES } from './lead-input.ts';
export { type LeadView, leadViewSchema } from './lead-view.ts';
export { listLeads } from './list-leads.ts';
export { logLeadEvent } from './log-lead-event.ts';
export { createAssignmentRule } from './manage-assignment-rules.ts';
export { createScoringRule } from './manage-scoring-rules.ts';
export { rescoreAllLeads } from './rescore-lead.ts';
export { leadAssignmentRules, leadEvents, leadForms, leadScoreModels, leadScoringRules, leads } from './schema.ts';
export type { ScoringRuleInput } from './scoring-rule-input.ts';
export { trainScoreModel } from './train-score-model.ts';
export { leadErrors };
