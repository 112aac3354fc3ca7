/** Shapes of the data-operations API (imports, export, duplicates and merge, data quality) as the UI uses them. */

export type ImportStatus = 'pending' | 'running' | 'completed' | 'failed' | 'cancelled';
export type OnMatch = 'update' | 'skip';
/** What an import's rows are. */
export type ImportKind = 'customers' | 'orders' | 'leads';
export type UnknownCustomer = 'create' | 'reject';
export type UnknownSku = 'keep' | 'reject';

export interface ImportJob {
  id: string;
  kind: ImportKind;
  status: ImportStatus;
  dryRun: boolean;
  fileName: string;
  fileSize: number;
  encoding: string | null;
  delimiter: string | null;
  mapping: Record<string, string>;
  options: Record<string, unknown>;
  totalRows: number | null;
  processedRows: number;
  createdRows: number;
  updatedRows: number;
  skippedRows: number;
  rejectedRows: number;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export type PreviewOutcome = 'create' | 'update' | 'skip' | 'reject';

export interface PreviewRow {
  line: number;
  outcome: PreviewOutcome;
  reason: string | null;
  /** How an update/skip row matched its customer (e.g. "phone"). */
  matchedBy: string | null;
  /** The row's cells by header. */
  values: Record<string, string>;
}

export interface ImportPreview {
  encoding: string;
  delimiter: string;
  headers: string[];
  suggestedMapping: Record<string, string>;
  /** The mapping the rows were checked with. */
  mapping: Record<string, string>;
  rows: PreviewRow[];
  /** Field names a column may be mapped to. */
  fields: string[];
}

export interface MappingTemplate {
  id: string;
  name: string;
  mapping: Record<string, string>;
  options: Record<string, unknown>;
  createdAt: string;
}

export interface DuplicateCustomer {
  id: string;
  displayName: string;
  [field: string]: unknown;
}

export interface DuplicateReason {
  code?: string;
  en?: string;
  th?: string;
  text?: string;
}

export interface DuplicateCandidate {
  customers: DuplicateCustomer[];
  score: number;
  reasons: (DuplicateReason | string)[];
}

export interface MergeInput {
  survivorId: string;
  mergedIds: string[];
  fieldChoices?: Record<string, string>;
}

/** POST /customers/merge's answer. */
export interface MergeResult {
  mergeId: string;
  survivor: { id: string; displayName: string };
  mergedIds: string[];
  fieldChoices: Record<string, string>;
  /** Rows moved to the survivor, per table. */
  moved: Record<string, number>;
  undoUntil: string;
}

/** One merge a profile took part in (GET /customers/{id}/merges). */
export interface MergeRecord {
  id: string;
  survivorId: string;
  mergedIds: string[];
  fieldChoices: Record<string, string>;
  actorUserId: string | null;
  createdAt: string;
  undoUntil: string;
  undoneAt: string | null;
  /** Not undone, grace period running, survivor still active. */
  canUndo: boolean;
}

export interface QualityCheck {
  count: number;
  /** Query string for GET /customers (e.g. "missing=email"), when the check is a list filter. */
  list?: string | null;
}

export interface CompletenessField extends QualityCheck {
  field: 'email' | 'phone' | 'line' | 'birthday' | 'gender' | 'address' | 'owner' | 'consent';
  filled: number;
  total: number;
}

export interface DataQualityReport {
  total: number;
  completeness: CompletenessField[];
  unreachable: QualityCheck;
  stale: QualityCheck & { months: number };
  duplicates: QualityCheck;
  consentGaps: QualityCheck;
}
