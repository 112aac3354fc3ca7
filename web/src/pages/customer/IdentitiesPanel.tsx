import { ActionIcon, Badge, Button, Group, Menu, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPlus, IconStar } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatPhone } from '../../format/phone.ts';
import { useFormatters } from '../../format/use-formatters.ts';
import { customerKeys } from '../../queries/customers.ts';
import { customerApi } from '../../queries/customers-api.ts';
import { IDENTITY_KINDS, type Identity } from '../../queries/customers-types.ts';
import { fieldErrorsOf } from '../customers/field-errors.ts';

const STATUS_COLOURS: Record<string, string> = { ok: 'teal', invalid: 'red', bounced: 'orange', unreachable: 'gray' };

/** Every identifier of the profile: add, remove, make primary, mark bounced. */
export function IdentitiesPanel({ customerId, editable }: { customerId: string; editable: boolean }) {
  const { t } = useTranslation('profile');
  const format = useFormatters();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<string | null>('email');
  const [value, setValue] = useState('');
  const [system, setSystem] = useState('');
  const [removing, setRemoving] = useState<Identity | null>(null);
  const identities = useQuery({
    queryKey: customerKeys.part(customerId, 'identities'),
    queryFn: () => customerApi.identities(customerId),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: customerKeys.one(customerId) });
  const add = useMutation({
    mutationFn: () =>
      customerApi.addIdentity(customerId, {
        kind: kind ?? 'email',
        value,
        ...(kind === 'external' && system ? { system } : {}),
      }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('identities.added') });
      setValue('');
      setSystem('');
      add.reset();
      refresh();
    },
  });
  const update = useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: { status?: string; isPrimary?: boolean } }) =>
      customerApi.updateIdentity(customerId, id, patch),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => customerApi.removeIdentity(customerId, id),
    onSuccess: () => {
      setRemoving(null);
      refresh();
    },
  });
  const errors = fieldErrorsOf(add.error);
  const shown = (identity: Identity) => (identity.kind === 'phone' ? formatPhone(identity.value) : identity.value);

  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate();
  }

  return (
    <Stack data-testid="identities-panel">
      <Text size="sm" c="dimmed">
        {t('identities.subtitle')}
      </Text>
      {editable && (
        <form onSubmit={submit} noValidate>
          <Group align="flex-start" gap="xs" wrap="wrap">
            <Select
              aria-label={t('identities.kind')}
              data={IDENTITY_KINDS.map((k) => ({ value: k, label: t(`identities.kinds.${k}`) }))}
              value={kind}
              onChange={setKind}
              allowDeselect={false}
              w={170}
              error={errors.kind}
            />
            {kind === 'external' && (
              <TextInput
                placeholder={t('identities.system')}
                aria-label={t('identities.system')}
                value={system}
                onChange={(e) => setSystem(e.currentTarget.value)}
                error={errors.system}
                w={140}
              />
            )}
            <TextInput
              placeholder={t('identities.value')}
              aria-label={t('identities.value')}
              value={value}
              onChange={(e) => setValue(e.currentTarget.value)}
              error={errors.value}
              style={{ flex: '1 1 220px' }}
              name="identityValue"
            />
            <Button type="submit" leftSection={<IconPlus size={16} />} loading={add.isPending} disabled={!value.trim()}>
              {t('identities.add')}
            </Button>
          </Group>
        </form>
      )}
      <ProblemAlert error={Object.keys(errors).length > 0 ? null : (add.error ?? update.error)} />
      <Table.ScrollContainer minWidth={640}>
        <Table striped data-testid="identities-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('identities.kind')}</Table.Th>
              <Table.Th>{t('identities.value')}</Table.Th>
              <Table.Th>{t('identities.status')}</Table.Th>
              <Table.Th>{t('consent.when')}</Table.Th>
              {editable && <Table.Th w={60} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(identities.data?.items ?? []).length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Text size="sm" c="dimmed">
                    {identities.isPending ? '…' : t('identities.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {(identities.data?.items ?? []).map((identity) => (
              <Table.Tr key={identity.id}>
                <Table.Td>
                  {t(`identities.kinds.${identity.kind}` as 'identities.kinds.email', { defaultValue: identity.kind })}
                  {identity.system ? ` · ${identity.system}` : ''}
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {shown(identity)}
                    </Text>
                    {identity.isPrimary && (
                      <Badge size="xs" variant="light" leftSection={<IconStar size={10} />}>
                        {t('identities.primary')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={STATUS_COLOURS[identity.status] ?? 'gray'}>
                    {t(`identities.statuses.${identity.status}` as 'identities.statuses.ok', {
                      defaultValue: identity.status,
                    })}
                  </Badge>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(identity.createdAt)}</Table.Td>
                {editable && (
                  <Table.Td>
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <ActionIcon variant="subtle" aria-label={t('identities.status')}>
                          <IconDots size={16} />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        {!identity.isPrimary && (identity.kind === 'email' || identity.kind === 'phone') && (
                          <Menu.Item onClick={() => update.mutate({ id: identity.id, patch: { isPrimary: true } })}>
                            {t('identities.makePrimary')}
                          </Menu.Item>
                        )}
                        {identity.status === 'ok' ? (
                          <Menu.Item onClick={() => update.mutate({ id: identity.id, patch: { status: 'bounced' } })}>
                            {t('identities.markBounced')}
                          </Menu.Item>
                        ) : (
                          <Menu.Item onClick={() => update.mutate({ id: identity.id, patch: { status: 'ok' } })}>
                            {t('identities.markOk')}
                          </Menu.Item>
                        )}
                        <Menu.Item color="red" onClick={() => setRemoving(identity)}>
                          {t('identities.remove')}
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {removing && (
        <ConfirmDialog
          title={t('identities.removeTitle')}
          message={t('identities.removeMessage', { value: shown(removing) })}
          confirmLabel={t('identities.remove')}
          loading={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate(removing.id)}
          onClose={() => setRemoving(null)}
        />
      )}
    </Stack>
  );
}
