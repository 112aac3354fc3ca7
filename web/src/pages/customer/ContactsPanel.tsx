import { Anchor, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconLink } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { customerKeys } from '../../queries/customers.ts';
import { customerApi } from '../../queries/customers-api.ts';
import { CONTACT_ROLES, type CompanyContact, type CustomerProfile } from '../../queries/customers-types.ts';
import { CustomerPicker } from '../customers/CustomerPicker.tsx';
import { fieldErrorsOf } from '../customers/field-errors.ts';

/** A company's buying centre (people by role), or the companies a person is linked to. */
export function ContactsPanel({ customer, editable }: { customer: CustomerProfile; editable: boolean }) {
  const { t } = useTranslation('profile');
  const queryClient = useQueryClient();
  const isCompany = customer.kind === 'company';
  const [otherId, setOtherId] = useState<string | null>(null);
  const [role, setRole] = useState<string | null>('decision_maker');
  const [jobTitle, setJobTitle] = useState('');
  const [unlinking, setUnlinking] = useState<CompanyContact | null>(null);
  const key = customerKeys.part(customer.id, 'contacts');
  const contacts = useQuery({ queryKey: key, queryFn: () => customerApi.contacts(customer.id) });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: customerKeys.all });
  const link = useMutation({
    mutationFn: () => {
      const companyId = isCompany ? customer.id : (otherId ?? '');
      const personId = isCompany ? (otherId ?? '') : customer.id;
      return customerApi.linkContact(companyId, {
        personId,
        role: role ?? 'user',
        ...(jobTitle.trim() ? { jobTitle: jobTitle.trim() } : {}),
      });
    },
    onSuccess: () => {
      setOtherId(null);
      setJobTitle('');
      link.reset();
      refresh();
    },
  });
  const unlink = useMutation({
    mutationFn: (c: CompanyContact) =>
      isCompany
        ? customerApi.unlinkContact(customer.id, c.customer.id)
        : customerApi.unlinkContact(c.customer.id, customer.id),
    onSuccess: () => {
      setUnlinking(null);
      refresh();
    },
  });
  const errors = fieldErrorsOf(link.error);
  const items = contacts.data?.items ?? [];

  function submit(event: FormEvent) {
    event.preventDefault();
    link.mutate();
  }

  return (
    <Stack>
      <Text fw={600}>{isCompany ? t('contacts.companyTitle') : t('contacts.personTitle')}</Text>
      {editable && (
        <form onSubmit={submit} noValidate>
          <Group align="flex-start" gap="xs" wrap="wrap">
            <CustomerPicker
              aria-label={isCompany ? t('contacts.person') : t('contacts.company')}
              kind={isCompany ? 'person' : 'company'}
              excludeId={customer.id}
              value={otherId}
              onChange={(id) => setOtherId(id)}
              error={errors.personId ?? errors.companyId}
              style={{ flex: '1 1 240px' }}
            />
            <Select
              aria-label={t('contacts.role')}
              data={CONTACT_ROLES.map((r) => ({ value: r, label: t(`contacts.roles.${r}`) }))}
              value={role}
              onChange={setRole}
              allowDeselect={false}
              error={errors.role}
              w={180}
            />
            <TextInput
              placeholder={t('contacts.jobTitle')}
              aria-label={t('contacts.jobTitle')}
              value={jobTitle}
              onChange={(e) => setJobTitle(e.currentTarget.value)}
              error={errors.jobTitle}
              w={180}
            />
            <Button type="submit" leftSection={<IconLink size={16} />} disabled={!otherId} loading={link.isPending}>
              {isCompany ? t('contacts.link') : t('contacts.linkCompany')}
            </Button>
          </Group>
        </form>
      )}
      <ProblemAlert error={Object.keys(errors).length > 0 ? null : (link.error ?? contacts.error)} />
      <Table.ScrollContainer minWidth={560}>
        <Table striped data-testid="contacts-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{isCompany ? t('contacts.person') : t('contacts.company')}</Table.Th>
              <Table.Th>{t('contacts.role')}</Table.Th>
              <Table.Th>{t('contacts.jobTitle')}</Table.Th>
              {editable && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={4}>
                  <Text size="sm" c="dimmed">
                    {t('contacts.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {items.map((c) => {
              const other = c.customer;
              return (
                <Table.Tr key={other.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/customers/${other.id}`} size="sm">
                      {other.displayName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {t(`contacts.roles.${c.role}` as 'contacts.roles.buyer', { defaultValue: c.role })}
                  </Table.Td>
                  <Table.Td>{c.jobTitle ?? '—'}</Table.Td>
                  {editable && (
                    <Table.Td>
                      <Button size="xs" variant="subtle" color="red" onClick={() => setUnlinking(c)}>
                        {t('contacts.unlink')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {unlinking && (
        <ConfirmDialog
          title={t('contacts.unlinkTitle', { name: unlinking.customer.displayName })}
          message={t('contacts.unlinkMessage')}
          confirmLabel={t('contacts.unlink')}
          loading={unlink.isPending}
          error={unlink.error}
          onConfirm={() => unlink.mutate(unlinking)}
          onClose={() => setUnlinking(null)}
        />
      )}
    </Stack>
  );
}
