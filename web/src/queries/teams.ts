import { useQuery } from '@tanstack/react-query';
import { teamsApi } from '../api/endpoints.ts';

export const teamsQueryKey = ['teams'] as const;

export function useTeamsQuery(enabled = true) {
  return useQuery({ queryKey: teamsQueryKey, queryFn: teamsApi.list, enabled });
}
