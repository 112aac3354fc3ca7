import { Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../api/endpoints.ts';
import { ApiError } from '../api/problem.ts';
import { ProblemAlert } from './ProblemAlert.tsx';

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const mutation = useMutation({
    mutationFn: () => authApi.updateMe({ currentPassword, newPassword }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('profile.passwordChanged') });
      close();
    },
  });
  const fieldErrors = mutation.error instanceof ApiError ? mutation.error.fieldErrors() : {};
  const mismatch = confirm.length > 0 && confirm !== newPassword;

  function close() {
    setCurrentPassword('');
    setNewPassword('');
    setConfirm('');
    mutation.reset();
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!mismatch) mutation.mutate();
  }

  return (
    <Modal opened={opened} onClose={close} title={t('header.changePassword')}>
      <form onSubmit={submit}>
        <Stack>
          <ProblemAlert error={mutation.error} />
          <PasswordInput
            label={t('profile.currentPassword')}
            value={currentPassword}
            onChange={(e) => setCurrentPassword(e.currentTarget.value)}
            error={fieldErrors.currentPassword}
            autoComplete="current-password"
            required
          />
          <PasswordInput
            label={t('profile.newPassword')}
            description={t('common.passwordHint')}
            value={newPassword}
            onChange={(e) => setNewPassword(e.currentTarget.value)}
            error={fieldErrors.newPassword}
            autoComplete="new-password"
            required
          />
          <PasswordInput
            label={t('profile.confirmPassword')}
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={mismatch ? t('errors.passwordMismatch') : undefined}
            autoComplete="new-password"
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={mismatch}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
