import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { setClientHooks, setCsrfToken } from '../api/client.ts';
import { meQueryKey, setupStatusQueryKey } from './queries.ts';

/** Lets the fetch client send the user to /login or /setup when the server says so. */
export function ClientHooksBridge() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  useEffect(() => {
    setClientHooks({
      onUnauthenticated: () => {
        setCsrfToken(null);
        navigate('/login', { replace: true });
        queryClient.removeQueries({ queryKey: meQueryKey });
      },
      onSetupNeeded: () => {
        queryClient.setQueryData(setupStatusQueryKey, { needsSetup: true });
        navigate('/setup', { replace: true });
      },
    });
  }, [navigate, queryClient]);

  return null;
}
