import { api, type QueryValue, rawRequestHeaders } from '../api/client.ts';
import { ApiError, toProblem } from '../api/problem.ts';
import type { Page } from '../api/types.ts';
import i18n from '../i18n/i18n.ts';
import type {
  DataQualityReport,
  DuplicateCandidate,
  ImportJob,
  ImportKind,
  ImportPreview,
  MappingTemplate,
  MergeInput,
  MergeRecord,
  MergeResult,
  OnMatch,
  UnknownCustomer,
  UnknownSku,
} from './dataops-types.ts';

const v1 = '/api/v1';
const id = (value: string) => encodeURIComponent(value);

/** Sends a file's bytes as the request body (the JSON helpers cannot). */
async function upload<T>(path: string, file: File): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { ...rawRequestHeaders(), 'Content-Type': 'application/octet-stream' },
      credentials: 'same-origin',
      body: file,
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network_error', detail: i18n.t('errors.network') });
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  if (response.ok) return body as T;
  throw new ApiError(toProblem(response.status, body, i18n.t('errors.unexpected', { status: response.status })));
}

export interface StartImportInput {
  mapping: Record<string, string>;
  onMatch: OnMatch;
  dryRun?: boolean;
  /** Orders imports only. */
  unknownCustomer?: UnknownCustomer;
  unknownSku?: UnknownSku;
}

export const importsApi = {
  upload: (file: File, kind: ImportKind = 'customers') =>
    upload<ImportJob>(`${v1}/imports?fileName=${id(file.name)}&kind=${kind}`, file),
  /** Without a mapping the server suggests one from the headers. */
  preview: (importId: string, onMatch: OnMatch, mapping?: Record<string, string>) =>
    api.post<ImportPreview>(`${v1}/imports/${id(importId)}/preview`, { onMatch, mapping }),
  start: (importId: string, input: StartImportInput) =>
    api.post<ImportJob>(`${v1}/imports/${id(importId)}/start`, input),
  get: (importId: string) => api.get<ImportJob>(`${v1}/imports/${id(importId)}`),
  list: (query: { limit?: number; cursor?: string | null }) => api.get<Page<ImportJob>>(`${v1}/imports`, query),
  cancel: (importId: string) => api.post<ImportJob>(`${v1}/imports/${id(importId)}/cancel`),
  rejectionsUrl: (importId: string) => `${v1}/imports/${id(importId)}/rejections.csv`,
  mappings: (kind: ImportKind = 'customers') =>
    api.get<{ items: MappingTemplate[] }>(`${v1}/imports/mappings`, { kind }),
  saveMapping: (
    name: string,
    mapping: Record<string, string>,
    options: Record<string, unknown>,
    kind: ImportKind = 'customers',
  ) => api.post<MappingTemplate>(`${v1}/imports/mappings`, { kind, name, mapping, options }),
  deleteMapping: (mappingId: string) => api.delete(`${v1}/imports/mappings/${id(mappingId)}`),
};

export type ExportFormat = 'csv' | 'xlsx';

/** The download address of the customer list with its filters, in the user's language. */
export function exportUrl(format: ExportFormat, query: Record<string, QueryValue | QueryValue[]>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      if (one === undefined || one === null || one === '') continue;
      params.append(key, String(one));
    }
  }
  params.delete('cursor');
  params.delete('limit');
  params.set('lang', i18n.language === 'en' ? 'en' : 'th');
  return `${v1}/customers/export.${format}?${params.toString()}`;
}

/** A customer as GET /customers/{id} returns it, every field kept for the side-by-side compare. */
export type CustomerRecord = Record<string, unknown> & { id: string; displayName: string };

export const dedupeApi = {
  customer: (customerId: string) => api.get<CustomerRecord>(`${v1}/customers/${id(customerId)}`),
  list: (query: { limit?: number; cursor?: string | null; customerId?: string }) =>
    api.get<Page<DuplicateCandidate>>(`${v1}/customers/duplicates`, query),
  dismiss: (customerIds: string[], reason?: string) =>
    api.post<void>(`${v1}/customers/duplicates/dismiss`, { customerIds, reason }),
  merge: (input: MergeInput) => api.post<MergeResult>(`${v1}/customers/merge`, input),
  undo: (mergeId: string) => api.post<unknown>(`${v1}/customers/merges/${id(mergeId)}/undo`),
  merges: (customerId: string) => api.get<Page<MergeRecord>>(`${v1}/customers/${id(customerId)}/merges`, { limit: 50 }),
};

export const dataQualityApi = {
  report: (staleMonths: number) => api.get<DataQualityReport>(`${v1}/data-quality`, { staleMonths }),
  customers: (check: string, query: { limit: number; cursor: string | null; staleMonths?: number }) =>
    api.get<Page<CustomerRecord>>(`${v1}/data-quality/${id(check)}/customers`, query),
};
