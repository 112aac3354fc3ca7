import { type CustomerSort, SORTS } from '../../queries/customers-types.ts';
import type { CustomerFilterValues } from './CustomerFilters.tsx';

/**
 * The customer list's filters in one flat shape, the same in the page URL, the API query
 * (GET /customers, export) and a saved view: `tag` repeats, custom fields are `cf.<key>`,
 * consent is `purpose:channel:status`.
 */
export type FlatFilters = Record<string, string | string[]>;

/** Parameters that are not filters: the search box, the sort and the open saved view. */
const NOT_FILTERS = new Set(['q', 'sort', 'view', 'cursor', 'limit']);
const SINGLE = [
  'ownerId',
  'kind',
  'customerType',
  'province',
  'source',
  'createdFrom',
  'createdTo',
  'referredBy',
  'valueGrade',
  'rfmSegment',
  'churnRisk',
  'rfmR',
  'rfmF',
] as const;

export interface ListState {
  q: string;
  sort: CustomerSort;
  filters: FlatFilters;
  viewId: string | null;
}

export function isSort(value: string | null | undefined): value is CustomerSort {
  return (SORTS as readonly (string | null | undefined)[]).includes(value);
}

/** Reads the list's state from the page's search parameters (e.g. /customers?source=import&tag=vip). */
export function stateFromParams(params: URLSearchParams): ListState {
  const filters: FlatFilters = {};
  for (const key of new Set(params.keys())) {
    if (NOT_FILTERS.has(key)) continue;
    const values = params.getAll(key).filter((v) => v !== '');
    if (values.length === 0) continue;
    filters[key] = key === 'tag' || key === 'consent' ? values : (values[0] ?? '');
  }
  const sort = params.get('sort');
  return { q: params.get('q') ?? '', sort: isSort(sort) ? sort : 'created_desc', filters, viewId: params.get('view') };
}

/** The search parameters of a state; defaults are left out so links stay short. */
export function paramsFromState(state: ListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.viewId) params.set('view', state.viewId);
  if (state.q) params.set('q', state.q);
  if (state.sort !== 'created_desc') params.set('sort', state.sort);
  for (const [key, value] of Object.entries(state.filters)) {
    for (const one of Array.isArray(value) ? value : [value]) if (one !== '') params.append(key, one);
  }
  return params;
}

/** The flat filters as the filter pickers hold them. */
export function filterValues(filters: FlatFilters): CustomerFilterValues {
  const out: CustomerFilterValues = {};
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  for (const key of SINGLE) {
    const value = one(filters[key]);
    if (value) (out as Record<string, string>)[key] = value;
  }
  const tag = filters.tag;
  if (tag) out.tag = Array.isArray(tag) ? tag : [tag];
  const [purpose, channel, status] = (one(filters.consent) ?? '').split(':');
  if (purpose && channel && status)
    Object.assign(out, { consentPurpose: purpose, consentChannel: channel, consentStatus: status });
  const customFields: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters)) {
    const v = one(value);
    if (key.startsWith('cf.') && v) customFields[key.slice(3)] = v;
  }
  if (Object.keys(customFields).length) out.customFields = customFields;
  return out;
}

/** The pickers' values as flat filters (consent's three pickers become one `consent`). */
export function flatFilters(values: CustomerFilterValues): FlatFilters {
  const {
    consentPurpose,
    consentChannel,
    consentStatus,
    customFields,
    tag,
    consent: _c,
    ...rest
  } = values as CustomerFilterValues & { consent?: string };
  const out: FlatFilters = {};
  for (const [key, value] of Object.entries(rest)) if (typeof value === 'string' && value !== '') out[key] = value;
  if (tag?.length) out.tag = tag;
  if (consentPurpose && consentChannel && consentStatus)
    out.consent = `${consentPurpose}:${consentChannel}:${consentStatus}`;
  for (const [key, value] of Object.entries(customFields ?? {})) if (value !== '') out[`cf.${key}`] = value;
  return out;
}

/** The API query of a state: filters, search and sort (as GET /customers and the export read them). */
export function apiQuery(state: Pick<ListState, 'q' | 'sort' | 'filters'>): FlatFilters {
  return { ...state.filters, ...(state.q ? { q: state.q } : {}), sort: state.sort };
}

/** Same filters? (key order and single-vs-list do not matter). */
export function sameFilters(a: FlatFilters, b: FlatFilters): boolean {
  const norm = (f: FlatFilters) =>
    JSON.stringify(
      Object.keys(f)
        .sort()
        .map((k) => [k, ([] as string[]).concat(f[k] ?? [])]),
    );
  return norm(a) === norm(b);
}
