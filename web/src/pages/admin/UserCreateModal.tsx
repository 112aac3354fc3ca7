import { Button, Group, Modal, PasswordInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usersApi } from '../../api/endpoints.ts';
import { ApiError } from '../../api/problem.ts';
import type { Locale, Role } from '../../api/types.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { RoleSelect } from '../../components/RoleSelect.tsx';
import { TeamSelect } from '../../components/TeamSelect.tsx';
import { currentLocale, isLocale } from '../../i18n/i18n.ts';

export function UserCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('sales');
  const [teamId, setTeamId] = useState<string | null>(null);
  const [locale, setLocale] = useState<Locale>(currentLocale());

  const create = useMutation({
    mutationFn: () => usersApi.create({ name, email, password, role, teamId: teamId ?? undefined, locale }),
    onSuccess: (user) => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['teams'] });
      notifications.show({ color: 'teal', message: t('users.created', { name: user.name }) });
      close();
    },
  });
  const fieldErrors = create.error instanceof ApiError ? create.error.fieldErrors() : {};

  function close() {
    setName('');
    setEmail('');
    setPassword('');
    setRole('sales');
    setTeamId(null);
    create.reset();
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }

  return (
    <Modal opened={opened} onClose={close} title={t('users.createTitle')} size="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert error={create.error} />
          <TextInput
            label={t('users.fields.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldErrors.name}
            required
            data-autofocus
          />
          <TextInput
            label={t('users.fields.email')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fieldErrors.email}
            required
          />
          <PasswordInput
            label={t('users.fields.password')}
            description={t('common.passwordHint')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldErrors.password}
            autoComplete="new-password"
            required
          />
          <Group grow align="flex-start">
            <RoleSelect
              label={t('users.fields.role')}
              value={role}
              onChange={setRole}
              error={fieldErrors.role}
              required
            />
            <TeamSelect label={t('users.fields.team')} value={teamId} onChange={setTeamId} error={fieldErrors.teamId} />
          </Group>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('users.fields.locale')}
            </Text>
            <SegmentedControl
              value={locale}
              onChange={(value) => isLocale(value) && setLocale(value)}
              data={[
                { value: 'th', label: 'ไทย' },
                { value: 'en', label: 'English' },
              ]}
            />
          </Stack>
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
