import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { setCsrfToken } from '../api/client.ts';
import { authApi } from '../api/endpoints.ts';

export function useLogout(): () => Promise<void> {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return async () => {
    try {
      await authApi.logout();
    } finally {
      setCsrfToken(null);
      navigate('/login', { replace: true });
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'setup' });
    }
  };
}
