import { api, apiRequest } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';

export const LEAD_STATUSES = ['new', 'contacted', 'qualified', 'disqualified', 'converted'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];
export const LEAD_SOURCES = ['manual', 'form', 'import', 'api', 'line', 'referral', 'event', 'other'] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];
export const LEAD_EVENT_KINDS = [
  'form_fill',
  'email_open',
  'email_click',
  'visit',
  'reply',
  'call',
  'meeting',
  'note',
] as const;
export type LeadEventKind = (typeof LEAD_EVENT_KINDS)[number];
export const FIT_FIELDS = [
  'source',
  'province',
  'company',
  'jobTitle',
  'email',
  'emailDomain',
  'phone',
  'lineId',
] as const;
export const FIT_OPERATORS = ['equals', 'contains', 'present'] as const;
export const ASSIGNMENT_KINDS = ['round_robin', 'territory', 'source'] as const;

export interface ScoreReason {
  ruleId: string;
  name: string;
  kind: 'fit' | 'behaviour';
  points: number;
  decayedPoints: number;
  events?: number;
}

export interface Lead {
  id: string;
  displayName: string;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  jobTitle: string | null;
  email: string | null;
  phone: string | null;
  lineId: string | null;
  province: string | null;
  source: LeadSource;
  sourceDetail: string | null;
  status: LeadStatus;
  disqualifyReason: string | null;
  notes: string | null;
  ownerId: string | null;
  ownerName: string | null;
  assignedByRuleId: string | null;
  score: number;
  scoreReasons: ScoreReason[];
  modelScore: number | null;
  convertedCustomerId: string | null;
  convertedDealId: string | null;
  convertedAt: string | null;
  /** Open leads and customers (that you may see) with the same email or phone. */
  duplicates: LeadDuplicate[];
  createdAt: string;
}

export interface LeadDuplicate {
  kind: 'lead' | 'customer';
  id: string;
  name: string;
  matchedBy: ('email' | 'phone')[];
}

/** Columns a lead CSV may map to (the server's LEAD_IMPORT_FIELDS). */
export const LEAD_IMPORT_FIELDS = [
  'name',
  'firstName',
  'lastName',
  'company',
  'jobTitle',
  'email',
  'phone',
  'lineId',
  'province',
  'source',
  'sourceDetail',
  'notes',
  'owner',
  'status',
  'disqualifyReason',
] as const;

export interface LeadImportPreview {
  headers: string[];
  mapping: Record<string, string>;
  rows: {
    line: number;
    outcome: 'create' | 'update' | 'skip' | 'reject';
    reason: string | null;
    values: Record<string, string>;
  }[];
}

export interface LeadEvent {
  id: string;
  kind: LeadEventKind;
  occurredAt: string;
  properties: Record<string, unknown>;
}

export interface LeadInput {
  firstName?: string;
  lastName?: string;
  company?: string;
  jobTitle?: string;
  email?: string;
  phone?: string;
  lineId?: string;
  province?: string;
  source?: LeadSource;
  notes?: string;
  ownerId?: string;
}

export interface LeadQuery {
  status?: LeadStatus;
  source?: LeadSource;
  ownerId?: string;
  minScore?: number;
  q?: string;
  sort?: 'recent' | 'score';
  cursor?: string;
  limit?: number;
}

export interface AssignmentRule {
  id: string;
  name: string;
  position: number;
  kind: (typeof ASSIGNMENT_KINDS)[number];
  provinces: string[];
  sources: string[];
  userIds: string[];
  teamId: string | null;
  turn: number;
  active: boolean;
}
export type AssignmentRuleInput = Omit<AssignmentRule, 'id' | 'turn'>;

export interface ScoringRule {
  id: string;
  name: string;
  kind: 'fit' | 'behaviour';
  field: string | null;
  operator: string | null;
  values: string[];
  eventKind: string | null;
  points: number;
  halfLifeDays: number | null;
  maxEvents: number;
  active: boolean;
}
export type ScoringRuleInput =
  | { kind: 'fit'; name: string; points: number; field: string; operator: string; values: string[] }
  | {
      kind: 'behaviour';
      name: string;
      points: number;
      eventKind: string;
      halfLifeDays: number | null;
      maxEvents: number;
    };

export interface ScoreModel {
  id: string;
  status: 'queued' | 'running' | 'trained' | 'failed';
  features: { ruleId: string; name: string; kind: string; weight: number }[];
  nTrain: number | null;
  nHoldout: number | null;
  nWon: number | null;
  nLost: number | null;
  accuracy: number | null;
  auc: number | null;
  errorCode: string | null;
  trainedAt: string | null;
  createdAt: string;
}
export interface ModelStatus {
  current: ScoreModel | null;
  latest: ScoreModel | null;
  outcomes: { won: number; lost: number };
  minOutcomes: number;
}

export interface LeadForm {
  id: string;
  name: string;
  keyHint: string;
  active: boolean;
  createdAt: string;
  key?: string;
  postPath?: string;
}

const v1 = '/api/v1';
const id = (value: string) => encodeURIComponent(value);

export const leadApi = {
  list: (query: LeadQuery) => api.get<Page<Lead>>(`${v1}/leads`, { ...query }),
  get: (leadId: string) => api.get<Lead>(`${v1}/leads/${id(leadId)}`),
  events: (leadId: string) => api.get<{ items: LeadEvent[] }>(`${v1}/leads/${id(leadId)}/events`).then((r) => r.items),
  create: (input: LeadInput) => api.post<Lead>(`${v1}/leads`, input),
  update: (leadId: string, input: LeadInput) => api.patch<Lead>(`${v1}/leads/${id(leadId)}`, input),
  setStatus: (leadId: string, status: Exclude<LeadStatus, 'converted'>, reason?: string) =>
    api.post<Lead>(`${v1}/leads/${id(leadId)}/status`, { status, ...(reason ? { reason } : {}) }),
  logEvent: (leadId: string, body: { kind: LeadEventKind; properties?: Record<string, string> }) =>
    api.post<Lead>(`${v1}/leads/${id(leadId)}/events`, body),
  convert: (leadId: string, body: { customerId?: string; deal?: { title: string; valueSatang?: number } }) =>
    api.post<Lead>(`${v1}/leads/${id(leadId)}/convert`, body),
};

/** A leads CSV through the shared imports API (upload, preview, start; progress with GET /imports/{id}). */
export const leadImportApi = {
  preview: (importId: string, onDuplicate: 'skip' | 'create', mapping?: Record<string, string>) =>
    api.post<LeadImportPreview>(`${v1}/imports/${id(importId)}/preview`, {
      onDuplicate,
      ...(mapping ? { mapping } : {}),
    }),
  start: (importId: string, mapping: Record<string, string>, onDuplicate: 'skip' | 'create') =>
    api.post<{ id: string }>(`${v1}/imports/${id(importId)}/start`, { mapping, onDuplicate }),
};

export const leadSetupApi = {
  assignmentRules: () => api.get<{ items: AssignmentRule[] }>(`${v1}/leads/assignment-rules`).then((r) => r.items),
  createAssignmentRule: (input: Partial<AssignmentRuleInput>) =>
    api.post<AssignmentRule>(`${v1}/leads/assignment-rules`, input),
  updateAssignmentRule: (ruleId: string, input: Partial<AssignmentRuleInput>) =>
    api.patch<AssignmentRule>(`${v1}/leads/assignment-rules/${id(ruleId)}`, input),
  deleteAssignmentRule: (ruleId: string) => api.delete(`${v1}/leads/assignment-rules/${id(ruleId)}`),
  scoringRules: () => api.get<{ items: ScoringRule[] }>(`${v1}/leads/scoring-rules`).then((r) => r.items),
  createScoringRule: (input: ScoringRuleInput) => api.post<ScoringRule>(`${v1}/leads/scoring-rules`, input),
  updateScoringRule: (ruleId: string, input: ScoringRuleInput) =>
    apiRequest<ScoringRule>('PUT', `${v1}/leads/scoring-rules/${id(ruleId)}`, { body: input }),
  deleteScoringRule: (ruleId: string) => api.delete(`${v1}/leads/scoring-rules/${id(ruleId)}`),
  model: () => api.get<ModelStatus>(`${v1}/leads/score-model`),
  train: (minOutcomes?: number) =>
    api.post<ScoreModel>(`${v1}/leads/score-model/train`, minOutcomes ? { minOutcomes } : {}),
  forms: () => api.get<{ items: LeadForm[] }>(`${v1}/leads/forms`).then((r) => r.items),
  createForm: (name: string) => api.post<LeadForm>(`${v1}/leads/forms`, { name }),
  setFormActive: (formId: string, active: boolean) =>
    api.patch<LeadForm>(`${v1}/leads/forms/${id(formId)}`, { active }),
};

export const leadKeys = {
  all: ['leads'] as const,
  setup: ['leads', 'setup'] as const,
};

/** Badge colour of a 0–100 score. */
export function scoreColor(score: number): string {
  if (score >= 70) return 'teal';
  if (score >= 40) return 'yellow';
  return 'gray';
}

export const STATUS_COLOR: Record<LeadStatus, string> = {
  new: 'blue',
  contacted: 'cyan',
  qualified: 'teal',
  disqualified: 'red',
  converted: 'grape',
};
