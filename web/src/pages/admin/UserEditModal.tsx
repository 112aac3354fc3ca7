import { Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type UserUpdateInput, usersApi } from '../../api/endpoints.ts';
import { ApiError } from '../../api/problem.ts';
import type { Role, User, UserStatus } from '../../api/types.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { RoleSelect } from '../../components/RoleSelect.tsx';
import { TeamSelect } from '../../components/TeamSelect.tsx';

function changes(user: User, name: string, role: Role, teamId: string | null, status: UserStatus): UserUpdateInput {
  const input: UserUpdateInput = {};
  if (name.trim() !== user.name) input.name = name.trim();
  if (role !== user.role) input.role = role;
  if (teamId !== user.teamId) input.teamId = teamId;
  if (status !== user.status) input.status = status;
  return input;
}

/** Edits one user; mount it with a `key` of the user id so the form starts from that user. */
export function UserEditModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<Role>(user.role);
  const [teamId, setTeamId] = useState<string | null>(user.teamId);
  const [status, setStatus] = useState<UserStatus>(user.status);

  const update = useMutation({
    mutationFn: (input: UserUpdateInput) => usersApi.update(user.id, input),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['teams'] });
      notifications.show({ color: 'teal', message: t('users.saved', { name: saved.name }) });
      onClose();
    },
  });
  const fieldErrors = update.error instanceof ApiError ? update.error.fieldErrors() : {};

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = changes(user, name, role, teamId, status);
    if (Object.keys(input).length === 0) onClose();
    else update.mutate(input);
  }

  return (
    <Modal opened onClose={onClose} title={t('users.editTitle', { email: user.email })} size="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert error={update.error} />
          <TextInput
            label={t('users.fields.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldErrors.name}
            required
          />
          <Group grow align="flex-start">
            <RoleSelect label={t('users.fields.role')} value={role} onChange={setRole} error={fieldErrors.role} />
            <TeamSelect label={t('users.fields.team')} value={teamId} onChange={setTeamId} error={fieldErrors.teamId} />
          </Group>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('users.fields.status')}
            </Text>
            <SegmentedControl
              value={status}
              onChange={(value) => setStatus(value === 'disabled' ? 'disabled' : 'active')}
              data={[
                { value: 'active', label: t('userStatus.active') },
                { value: 'disabled', label: t('userStatus.disabled') },
              ]}
              color={status === 'disabled' ? 'red' : undefined}
            />
            {fieldErrors.status && (
              <Text size="xs" c="red">
                {fieldErrors.status}
              </Text>
            )}
          </Stack>
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
