import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usersApi } from '../../api/endpoints.ts';
import { ApiError } from '../../api/problem.ts';
import type { User } from '../../api/types.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';

export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const reset = useMutation({
    mutationFn: () => usersApi.update(user.id, { password }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('users.passwordReset', { name: user.name }) });
      onClose();
    },
  });
  const fieldErrors = reset.error instanceof ApiError ? reset.error.fieldErrors() : {};

  function submit(event: FormEvent) {
    event.preventDefault();
    reset.mutate();
  }

  return (
    <Modal opened onClose={onClose} title={t('users.resetPasswordTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('users.resetPasswordBody', { name: user.name, email: user.email })}</Text>
          <ProblemAlert error={reset.error} />
          <PasswordInput
            label={t('profile.newPassword')}
            description={t('common.passwordHint')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldErrors.password}
            autoComplete="new-password"
            required
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="orange" loading={reset.isPending}>
              {t('users.resetPassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
