import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tokensApi } from '../../api/endpoints.ts';
import { ApiError } from '../../api/problem.ts';
import type { CreatedToken, Role } from '../../api/types.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { RoleSelect } from '../../components/RoleSelect.tsx';

/** The end of the chosen day, so a token "expiring on 31 Dec" still works on 31 Dec. */
function endOfDay(date: string): string | undefined {
  if (!date) return undefined;
  const parsed = new Date(`${date}T23:59:59`);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString();
}

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function TokenCreateModal({
  onCreated,
  onClose,
}: {
  onCreated: (token: CreatedToken) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [expiresOn, setExpiresOn] = useState('');

  const create = useMutation({
    mutationFn: () => tokensApi.create({ name: name.trim(), role, expiresAt: endOfDay(expiresOn) }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['tokens'] });
      onCreated(created);
    },
  });
  const fieldErrors = create.error instanceof ApiError ? create.error.fieldErrors() : {};

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }

  return (
    <Modal opened onClose={onClose} title={t('tokens.createTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert error={create.error} />
          <TextInput
            label={t('tokens.fields.name')}
            description={t('tokens.nameHint')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldErrors.name}
            required
            data-autofocus
            name="tokenName"
          />
          <RoleSelect
            label={t('tokens.fields.role')}
            description={t('tokens.roleHint')}
            value={role}
            onChange={setRole}
            error={fieldErrors.role}
          />
          <TextInput
            type="date"
            label={t('tokens.fields.expiresAt')}
            description={t('tokens.expiresHint')}
            value={expiresOn}
            min={today()}
            onChange={(e) => setExpiresOn(e.currentTarget.value)}
            error={fieldErrors.expiresAt}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
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
