import { api } from '../api/client.ts';
import type { Page } from '../api/types.ts';
import type { CustomerProfile, CustomerSort } from './customers-types.ts';

const v1 = '/api/v1';

/** The list's filters, flat as in the URL: `tag` repeats, custom fields are `cf.<key>`. */
export type ListQuery = Record<string, string | string[]>;

export interface SavedView {
  id: string;
  ownerId: string;
  teamId: string | null;
  name: string;
  filters: ListQuery;
  sort: CustomerSort;
  columns: string[];
  shared: boolean;
  mine: boolean;
  editable: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface SavedViewInput {
  name?: string;
  filters?: ListQuery;
  sort?: CustomerSort;
  columns?: string[];
  shared?: boolean;
}

export type BulkAction = 'add_tag' | 'remove_tag' | 'assign_owner';
export type BulkTarget = { ids: string[] } | { filter: ListQuery };
export type BulkChange = BulkTarget & { action: BulkAction; tag?: string; ownerId?: string | null };

export interface BulkResult {
  action: BulkAction;
  matched: number;
  changed: number;
  unchanged: number;
  skipped: number;
}

function listPath(query: ListQuery, extra: Record<string, string>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const one of Array.isArray(value) ? value : [value]) if (one !== '') params.append(key, one);
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return `${v1}/customers?${params.toString()}`;
}

export const listsApi = {
  page: (query: ListQuery, limit: number, cursor: string | null) =>
    api.get<Page<CustomerProfile>>(listPath(query, { limit: String(limit), ...(cursor ? { cursor } : {}) })),

  views: () => api.get<{ items: SavedView[] }>(`${v1}/views`),
  createView: (input: SavedViewInput) => api.post<SavedView>(`${v1}/views`, input),
  updateView: (id: string, input: SavedViewInput) =>
    api.patch<SavedView>(`${v1}/views/${encodeURIComponent(id)}`, input),
  deleteView: (id: string) => api.delete(`${v1}/views/${encodeURIComponent(id)}`),

  bulk: (change: BulkChange) => api.post<BulkResult>(`${v1}/customers/bulk`, change),
  bulkPreview: (target: BulkTarget) =>
    api.post<{ matched: number; limit: number }>(`${v1}/customers/bulk/preview`, target),
};
