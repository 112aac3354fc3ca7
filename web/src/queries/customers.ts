import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { usersApi } from '../api/endpoints.ts';
import { useSession } from '../auth/session-context.ts';
import { customerApi, customFieldApi } from './customers-api.ts';
import type { CustomerListQuery, CustomFieldDefinition } from './customers-types.ts';

export const customerKeys = {
  all: ['customers'] as const,
  list: (query: CustomerListQuery) => ['customers', 'list', query] as const,
  one: (id: string) => ['customers', 'one', id] as const,
  part: (id: string, part: string) => ['customers', 'one', id, part] as const,
  customFields: ['custom-fields'] as const,
};

export function useCustomerList(query: CustomerListQuery) {
  return useQuery({
    queryKey: customerKeys.list(query),
    queryFn: () => customerApi.list(query),
    placeholderData: keepPreviousData,
  });
}

export function useCustomer(id: string) {
  return useQuery({ queryKey: customerKeys.one(id), queryFn: () => customerApi.get(id), retry: false });
}

/** Refreshes everything shown about one customer (and the lists, whose rows may have changed). */
export function useRefreshCustomer(id: string) {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: customerKeys.one(id) });
    void queryClient.invalidateQueries({ queryKey: ['customers', 'list'] });
  }, [queryClient, id]);
}

export function useTimeline(id: string, kind: string | null) {
  return useInfiniteQuery({
    queryKey: [...customerKeys.part(id, 'timeline'), kind],
    queryFn: ({ pageParam }) => customerApi.timeline(id, { kind: kind ?? undefined, cursor: pageParam, limit: 20 }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useCustomFields(includeArchived = false) {
  const { can } = useSession();
  return useQuery({
    queryKey: [...customerKeys.customFields, includeArchived],
    queryFn: () => customFieldApi.list(includeArchived),
    enabled: can('customers', 'read'),
    staleTime: 60_000,
  });
}

/** Custom fields that apply to a kind of customer (person or company), in their admin's order. */
export function fieldsFor(definitions: CustomFieldDefinition[] | undefined, kind: string): CustomFieldDefinition[] {
  return (definitions ?? [])
    .filter((d) => !d.archivedAt && (d.appliesTo === 'all' || d.appliesTo === kind))
    .sort((a, b) => a.position - b.position);
}

/** The label of a custom field (or one of its options) in the UI language. */
export function useLabel() {
  const { i18n } = useTranslation();
  return useCallback(
    (item: { th?: string; en?: string; labelTh?: string; labelEn?: string; nameTh?: string; nameEn?: string }) => {
      const thai = item.labelTh ?? item.nameTh ?? item.th ?? '';
      const english = item.labelEn ?? item.nameEn ?? item.en ?? '';
      return i18n.language === 'en' ? english || thai : thai || english;
    },
    [i18n.language],
  );
}

/** Users who can own customers, as select options, and a name lookup for the list. */
export function useUserOptions() {
  const { can } = useSession();
  const users = useQuery({
    queryKey: ['users', 'options'],
    queryFn: () => usersApi.list({ limit: 200 }),
    enabled: can('users', 'read'),
    staleTime: 60_000,
  });
  return useMemo(() => {
    const items = users.data?.items ?? [];
    const names = new Map(items.map((u) => [u.id, u.name]));
    return {
      options: items.filter((u) => u.status === 'active').map((u) => ({ value: u.id, label: u.name })),
      nameOf: (id: string | null | undefined) => (id ? (names.get(id) ?? null) : null),
    };
  }, [users.data]);
}

export function useReferrals(id: string) {
  return useQuery({ queryKey: customerKeys.part(id, 'referrals'), queryFn: () => customerApi.referrals(id) });
}
