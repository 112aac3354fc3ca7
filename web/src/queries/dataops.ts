import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { dataQualityApi, dedupeApi, importsApi } from './dataops-api.ts';
import type { ImportJob, ImportKind } from './dataops-types.ts';

export const importsKey = ['imports'] as const;
export const duplicatesKey = ['duplicates'] as const;

export function isImportActive(job: Pick<ImportJob, 'status'> | undefined): boolean {
  return job?.status === 'pending' || job?.status === 'running';
}

/** One import, polled every second while it runs so the progress bar moves. */
export function useImportQuery(importId: string | null) {
  return useQuery({
    queryKey: [...importsKey, 'one', importId],
    queryFn: () => importsApi.get(importId ?? ''),
    enabled: Boolean(importId),
    refetchInterval: (query) => (isImportActive(query.state.data) ? 1000 : false),
  });
}

export function useImportsQuery(limit: number, cursor: string | null) {
  return useQuery({
    queryKey: [...importsKey, 'list', { limit, cursor }],
    queryFn: () => importsApi.list({ limit, cursor }),
    placeholderData: keepPreviousData,
    // Keep the statuses of running imports fresh.
    refetchInterval: (query) => (query.state.data?.items.some(isImportActive) ? 2000 : false),
  });
}

export function useMappingTemplatesQuery(kind: ImportKind = 'customers') {
  return useQuery({ queryKey: [...importsKey, 'mappings', kind], queryFn: () => importsApi.mappings(kind) });
}

export function useDuplicatesQuery(limit: number, cursor: string | null) {
  return useQuery({
    queryKey: [...duplicatesKey, { limit, cursor }],
    queryFn: () => dedupeApi.list({ limit, cursor }),
    placeholderData: keepPreviousData,
  });
}

export function useDataQualityQuery(staleMonths: number) {
  return useQuery({
    queryKey: ['data-quality', staleMonths],
    queryFn: () => dataQualityApi.report(staleMonths),
    placeholderData: keepPreviousData,
  });
}
