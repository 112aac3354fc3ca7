import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSession } from '../auth/session-context.ts';
import { type BulkChange, type ListQuery, listsApi, type SavedViewInput } from './lists-api.ts';

/** Rows fetched per request while scrolling: a few screens' worth. */
export const LIST_PAGE_SIZE = 100;

const viewKeys = { all: ['views'] as const };

/** Every page of the customer list loaded so far; the next one comes as the user scrolls. */
export function useInfiniteCustomers(query: ListQuery) {
  return useInfiniteQuery({
    queryKey: ['customers', 'list', 'infinite', query],
    queryFn: ({ pageParam }) => listsApi.page(query, LIST_PAGE_SIZE, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** How many customers a filter matches that the user may change ("select all N"). */
export function useBulkCount(filter: ListQuery, enabled: boolean) {
  const { can } = useSession();
  return useQuery({
    queryKey: ['customers', 'list', 'bulk-count', filter],
    queryFn: () => listsApi.bulkPreview({ filter }),
    enabled: enabled && can('customers', 'update'),
  });
}

export function useBulkChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: BulkChange) => listsApi.bulk(change),
    // Not awaited: the change is done; the rows refresh behind the result message.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['customers'] }),
  });
}

export function useSavedViews() {
  return useQuery({ queryKey: viewKeys.all, queryFn: listsApi.views, staleTime: 30_000 });
}

export function useSaveView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: SavedViewInput }) =>
      id ? listsApi.updateView(id, input) : listsApi.createView(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: viewKeys.all }),
  });
}

export function useDeleteView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => listsApi.deleteView(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: viewKeys.all }),
  });
}
