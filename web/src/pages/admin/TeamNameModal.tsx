import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { teamsApi } from '../../api/endpoints.ts';
import { ApiError } from '../../api/problem.ts';
import type { Team } from '../../api/types.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { teamsQueryKey } from '../../queries/teams.ts';

/** Creates a team, or renames `team` when one is given. */
export function TeamNameModal({ team, onClose }: { team: Team | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(team?.name ?? '');
  const save = useMutation({
    mutationFn: () => (team ? teamsApi.rename(team.id, name.trim()) : teamsApi.create(name.trim())),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: teamsQueryKey });
      notifications.show({ color: 'teal', message: t(team ? 'teams.renamed' : 'teams.created', { name: saved.name }) });
      onClose();
    },
  });
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors() : {};

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <Modal opened onClose={onClose} title={team ? t('teams.renameTitle') : t('teams.createTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert error={save.error} />
          <TextInput
            label={t('teams.fields.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldErrors.name}
            required
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {team ? t('common.save') : t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
