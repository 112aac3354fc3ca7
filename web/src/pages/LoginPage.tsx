import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { setCsrfToken } from '../api/client.ts';
import { authApi } from '../api/endpoints.ts';
import { ApiError } from '../api/problem.ts';
import { fetchMe, meQueryKey, useMeQuery } from '../auth/queries.ts';
import { FullPageLoader } from '../components/FullPageLoader.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { PublicLayout } from '../components/PublicLayout.tsx';

function returnPath(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string') {
    // Only same-app paths: never bounce to another site after sign-in.
    if (state.from.startsWith('/') && !state.from.startsWith('//') && !state.from.startsWith('/login'))
      return state.from;
  }
  return '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const me = useMeQuery();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const login = useMutation({
    mutationFn: async () => {
      const session = await authApi.login(email, password);
      setCsrfToken(session.csrfToken);
      await queryClient.fetchQuery({ queryKey: meQueryKey, queryFn: fetchMe });
    },
    onSuccess: () => navigate(returnPath(location.state), { replace: true }),
  });
  const fieldErrors = login.error instanceof ApiError ? login.error.fieldErrors() : {};

  if (me.isPending) return <FullPageLoader />;
  if (me.data && !login.isPending && !login.isSuccess) return <Navigate to={returnPath(location.state)} replace />;

  function submit(event: FormEvent) {
    event.preventDefault();
    login.mutate();
  }

  return (
    <PublicLayout title={t('login.title')} subtitle={t('login.subtitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert error={login.error} />
          <TextInput
            label={t('login.email')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fieldErrors.email}
            name="email"
            autoComplete="username"
            required
            autoFocus
          />
          <PasswordInput
            label={t('login.password')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldErrors.password}
            name="password"
            autoComplete="current-password"
            required
          />
          <Button type="submit" size="md" loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
    </PublicLayout>
  );
}
