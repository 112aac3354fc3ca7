import { ActionIcon, Button, Card, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { customerKeys } from '../../queries/customers.ts';
import { customerApi } from '../../queries/customers-api.ts';
import {
  ADDRESS_LABELS,
  type Address,
  type AddressInput,
  type CustomerProfile,
} from '../../queries/customers-types.ts';
import { fieldErrorsOf } from '../customers/field-errors.ts';

const TEXT = ['addressLine', 'subDistrict', 'district', 'province', 'postcode'] as const;

function oneLine(a: Partial<AddressInput>): string {
  return [a.addressLine, a.subDistrict, a.district, a.province, a.postcode].filter(Boolean).join(' ');
}

function AddressModal({
  customerId,
  address,
  onClose,
}: {
  customerId: string;
  address: Address | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('profile');
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Partial<AddressInput>>(address ?? { label: 'home', country: 'TH' });
  const save = useMutation({
    mutationFn: () =>
      address ? customerApi.updateAddress(customerId, address.id, draft) : customerApi.addAddress(customerId, draft),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: customerKeys.part(customerId, 'addresses') });
      onClose();
    },
  });
  const errors = fieldErrorsOf(save.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }
  return (
    <Modal opened onClose={onClose} title={t('addresses.editTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert error={save.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('addresses.label')}
              data={ADDRESS_LABELS.map((l) => ({ value: l, label: t(`addresses.labels.${l}`) }))}
              value={draft.label ?? 'other'}
              onChange={(label) => setDraft({ ...draft, label: label ?? 'other' })}
              allowDeselect={false}
            />
            {TEXT.map((field) => (
              <TextInput
                key={field}
                label={t(`form.${field}`)}
                value={draft[field] ?? ''}
                error={errors[field]}
                onChange={(e) => setDraft({ ...draft, [field]: e.currentTarget.value })}
              />
            ))}
            <TextInput
              label={t('addresses.country')}
              value={draft.country ?? ''}
              error={errors.country}
              onChange={(e) => setDraft({ ...draft, country: e.currentTarget.value })}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {tc('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {tc('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The main address from the profile, then every further address. */
export function AddressesPanel({ customer, editable }: { customer: CustomerProfile; editable: boolean }) {
  const { t } = useTranslation('profile');
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Address | 'new' | null>(null);
  const [removing, setRemoving] = useState<Address | null>(null);
  const addresses = useQuery({
    queryKey: customerKeys.part(customer.id, 'addresses'),
    queryFn: () => customerApi.addresses(customer.id),
  });
  const remove = useMutation({
    mutationFn: (id: string) => customerApi.removeAddress(customer.id, id),
    onSuccess: () => {
      setRemoving(null);
      void queryClient.invalidateQueries({ queryKey: customerKeys.part(customer.id, 'addresses') });
    },
  });
  const items = addresses.data?.items ?? [];

  return (
    <Stack>
      <Card withBorder radius="md" padding="sm">
        <Text size="xs" c="dimmed">
          {t('addresses.primary')}
        </Text>
        <Text size="sm">{oneLine(customer) || '—'}</Text>
      </Card>
      <ProblemAlert error={addresses.error} />
      {items.length === 0 && !addresses.isPending && (
        <Text size="sm" c="dimmed">
          {t('addresses.empty')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {items.map((address) => (
          <Card key={address.id} withBorder radius="md" padding="sm">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={2}>
                <Text size="xs" c="dimmed">
                  {t(`addresses.labels.${address.label}` as 'addresses.labels.home', { defaultValue: address.label })}
                </Text>
                <Text size="sm">{oneLine(address) || '—'}</Text>
              </Stack>
              {editable && (
                <Group gap={2} wrap="nowrap">
                  <ActionIcon variant="subtle" aria-label={t('profile.edit')} onClick={() => setEditing(address)}>
                    <IconPencil size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('addresses.remove')}
                    onClick={() => setRemoving(address)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              )}
            </Group>
          </Card>
        ))}
      </SimpleGrid>
      {editable && (
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} w="fit-content">
          {t('addresses.add')}
        </Button>
      )}
      {editing && (
        <AddressModal
          customerId={customer.id}
          address={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {removing && (
        <ConfirmDialog
          title={t('addresses.removeTitle')}
          message={oneLine(removing)}
          confirmLabel={t('addresses.remove')}
          loading={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate(removing.id)}
          onClose={() => setRemoving(null)}
        />
      )}
    </Stack>
  );
}
