import { api } from '../api/client.ts';
import type { Page } from '../api/types.ts';
import type {
  ActivityInput,
  Address,
  AddressInput,
  CompanyContacts,
  ConsentInput,
  ConsentPurpose,
  CustomerConsents,
  CustomerInput,
  CustomerListQuery,
  CustomerProfile,
  CustomFieldDefinition,
  CustomFieldInput,
  Identity,
  Referrals,
  TimelineEntry,
} from './customers-types.ts';

const v1 = '/api/v1';
const enc = encodeURIComponent;
const customer = (id: string) => `${v1}/customers/${enc(id)}`;

/** The list query as a URL: repeated `tag`, and custom fields as `cf.<key>=value`. */
export function customerListPath(query: CustomerListQuery, base = `${v1}/customers`): string {
  const params = new URLSearchParams();
  const { tag, customFields, ...rest } = query;
  for (const [key, value] of Object.entries(rest)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  for (const value of tag ?? []) params.append('tag', value);
  for (const [key, value] of Object.entries(customFields ?? {})) {
    if (value !== '') params.set(`cf.${key}`, value);
  }
  const search = params.toString();
  return search ? `${base}?${search}` : base;
}

export const customerApi = {
  list: (query: CustomerListQuery) => api.get<Page<CustomerProfile>>(customerListPath(query)),
  get: (id: string) => api.get<CustomerProfile>(customer(id)),
  create: (input: CustomerInput) => api.post<CustomerProfile>(`${v1}/customers`, input),
  update: (id: string, input: CustomerInput) => api.patch<CustomerProfile>(customer(id), input),

  identities: (id: string) => api.get<{ items: Identity[] }>(`${customer(id)}/identities`),
  addIdentity: (id: string, input: { kind: string; value: string; system?: string }) =>
    api.post<Identity>(`${customer(id)}/identities`, input),
  updateIdentity: (id: string, identityId: string, input: { status?: string; isPrimary?: boolean }) =>
    api.patch<Identity>(`${customer(id)}/identities/${enc(identityId)}`, input),
  removeIdentity: (id: string, identityId: string) => api.delete(`${customer(id)}/identities/${enc(identityId)}`),

  addresses: (id: string) => api.get<{ items: Address[] }>(`${customer(id)}/addresses`),
  addAddress: (id: string, input: Partial<AddressInput>) => api.post<Address>(`${customer(id)}/addresses`, input),
  updateAddress: (id: string, addressId: string, input: Partial<AddressInput>) =>
    api.patch<Address>(`${customer(id)}/addresses/${enc(addressId)}`, input),
  removeAddress: (id: string, addressId: string) => api.delete(`${customer(id)}/addresses/${enc(addressId)}`),

  contacts: (id: string) => api.get<CompanyContacts>(`${customer(id)}/contacts`),
  linkContact: (companyId: string, input: { personId: string; role: string; jobTitle?: string }) =>
    api.post<unknown>(`${customer(companyId)}/contacts`, input),
  unlinkContact: (companyId: string, personId: string) =>
    api.delete(`${customer(companyId)}/contacts/${enc(personId)}`),

  referrals: (id: string) => api.get<Referrals>(`${customer(id)}/referrals`),

  timeline: (id: string, query: { kind?: string; cursor?: string | null; limit?: number }) =>
    api.get<Page<TimelineEntry>>(`${customer(id)}/timeline`, { ...query }),
  logActivity: (id: string, input: ActivityInput) => api.post<TimelineEntry>(`${customer(id)}/activities`, input),

  consents: (id: string) => api.get<CustomerConsents>(`${customer(id)}/consents`),
  recordConsent: (id: string, input: ConsentInput) => api.post<unknown>(`${customer(id)}/consents`, input),
  withdrawConsents: (id: string, input: { purpose?: string; channel?: string }) =>
    api.post<unknown>(`${customer(id)}/consents/withdraw`, input),
  withdrawalLink: (id: string, input: { purpose: string; channel: string }) =>
    api.post<{ path: string; apiPath: string }>(`${customer(id)}/consents/link`, input),
  purposes: () => api.get<{ items: ConsentPurpose[] }>(`${v1}/consent/purposes`),

  dataExport: (id: string) => api.get<Record<string, unknown>>(`${customer(id)}/data-export`),
  erase: (id: string, reason?: string) => api.post<unknown>(`${customer(id)}/erase`, { confirm: true, reason }),
};

export const customFieldApi = {
  list: (includeArchived = false) =>
    api.get<{ items: CustomFieldDefinition[] }>(`${v1}/custom-fields`, { includeArchived }),
  create: (input: CustomFieldInput) => api.post<CustomFieldDefinition>(`${v1}/custom-fields`, input),
  update: (id: string, input: CustomFieldInput) =>
    api.patch<CustomFieldDefinition>(`${v1}/custom-fields/${enc(id)}`, input),
  archive: (id: string, archived: boolean) =>
    api.post<CustomFieldDefinition>(`${v1}/custom-fields/${enc(id)}/${archived ? 'archive' : 'unarchive'}`),
};
