import { useQuery } from '@tanstack/react-query';
import { setCsrfToken } from '../api/client.ts';
import { authApi, setupApi } from '../api/endpoints.ts';

export const meQueryKey = ['auth', 'me'] as const;
export const setupStatusQueryKey = ['setup', 'status'] as const;

export async function fetchMe() {
  const me = await authApi.me();
  setCsrfToken(me.csrfToken);
  return me;
}

export function useMeQuery() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, retry: false, staleTime: 5 * 60_000 });
}

export function useSetupStatusQuery() {
  return useQuery({ queryKey: setupStatusQueryKey, queryFn: setupApi.status, staleTime: Number.POSITIVE_INFINITY });
}
