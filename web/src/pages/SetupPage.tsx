import { Button, Checkbox, Divider, PasswordInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { setCsrfToken } from '../api/client.ts';
import { setupApi } from '../api/endpoints.ts';
import { ApiError } from '../api/problem.ts';
import type { Locale } from '../api/types.ts';
import { fetchMe, meQueryKey, setupStatusQueryKey } from '../auth/queries.ts';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { PublicLayout } from '../components/PublicLayout.tsx';
import i18n, { currentLocale, isLocale, rememberLocale } from '../i18n/i18n.ts';

export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [companyName, setCompanyName] = useState('');
  const [demo, setDemo] = useState(false);
  const locale = currentLocale();

  const setup = useMutation({
    mutationFn: async () => {
      const session = await setupApi.run({ name, email, password, locale, companyName, demo });
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(setupStatusQueryKey, { needsSetup: false });
      await queryClient.fetchQuery({ queryKey: meQueryKey, queryFn: fetchMe });
    },
    onSuccess: () => navigate('/', { replace: true }),
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'already_set_up') {
        queryClient.setQueryData(setupStatusQueryKey, { needsSetup: false });
      }
    },
  });
  const fieldErrors = setup.error instanceof ApiError ? setup.error.fieldErrors() : {};

  function chooseLanguage(value: string) {
    if (!isLocale(value)) return;
    const next: Locale = value;
    rememberLocale(next);
    void i18n.changeLanguage(next);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setup.mutate();
  }

  return (
    <PublicLayout title={t('setup.title')} subtitle={t('setup.subtitle')} width={520}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert error={setup.error} />
          <TextInput
            label={t('setup.companyName')}
            placeholder={t('setup.companyPlaceholder')}
            value={companyName}
            onChange={(e) => setCompanyName(e.currentTarget.value)}
            error={fieldErrors.companyName}
            name="companyName"
            required
          />
          <Divider label={t('setup.ownerSection')} labelPosition="left" />
          <TextInput
            label={t('setup.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldErrors.name}
            name="name"
            autoComplete="name"
            required
          />
          <TextInput
            label={t('setup.email')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fieldErrors.email}
            name="email"
            autoComplete="email"
            required
          />
          <PasswordInput
            label={t('setup.password')}
            description={t('common.passwordHint')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldErrors.password}
            name="password"
            autoComplete="new-password"
            required
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('setup.language')}
            </Text>
            <SegmentedControl
              value={locale}
              onChange={chooseLanguage}
              data={[
                { value: 'th', label: 'ไทย' },
                { value: 'en', label: 'English' },
              ]}
              data-testid="setup-locale"
            />
            {fieldErrors.locale && (
              <Text size="xs" c="red">
                {fieldErrors.locale}
              </Text>
            )}
          </Stack>
          <Checkbox
            label={t('setup.demo')}
            description={t('setup.demoHint')}
            checked={demo}
            onChange={(e) => setDemo(e.currentTarget.checked)}
            name="demo"
          />
          <Button type="submit" size="md" loading={setup.isPending} mt="xs">
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </PublicLayout>
  );
}
