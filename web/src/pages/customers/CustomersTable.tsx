import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { TableState } from '../../components/TableState.tsx';
import { formatPhone } from '../../format/phone.ts';
import { useFormatters } from '../../format/use-formatters.ts';
import { useUserOptions } from '../../queries/customers.ts';
import type { CustomerProfile } from '../../queries/customers-types.ts';

function englishName(customer: CustomerProfile): string {
  return [customer.firstNameEn, customer.lastNameEn].filter(Boolean).join(' ');
}

export function CustomersTable({
  customers,
  loading,
  failed,
}: {
  customers: CustomerProfile[];
  loading: boolean;
  failed: boolean;
}) {
  const { t } = useTranslation();
  const { t: tp } = useTranslation('profile');
  const format = useFormatters();
  const users = useUserOptions();
  const columns = 8;

  return (
    <Table.ScrollContainer minWidth={980}>
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="customers-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('customers.columns.name')}</Table.Th>
            <Table.Th>{tp('list.columns.type')}</Table.Th>
            <Table.Th>{t('customers.columns.phone')}</Table.Th>
            <Table.Th>{t('customers.columns.email')}</Table.Th>
            <Table.Th>{t('customers.columns.lineId')}</Table.Th>
            <Table.Th>{tp('list.columns.owner')}</Table.Th>
            <Table.Th>{t('customers.columns.tags')}</Table.Th>
            <Table.Th>{t('customers.columns.createdAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {customers.length === 0 && (
            <TableState columns={columns} loading={loading} failed={failed} empty={t('customers.empty')} />
          )}
          {customers.map((customer) => (
            <Table.Tr key={customer.id}>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm" fw={500}>
                    <Anchor component={Link} to={`/customers/${customer.id}`} inherit>
                      {customer.displayName}
                    </Anchor>
                    {customer.nickname && (
                      <Text span c="dimmed" size="sm">
                        {' '}
                        ({customer.nickname})
                      </Text>
                    )}
                  </Text>
                  {englishName(customer) && (
                    <Text size="xs" c="dimmed">
                      {englishName(customer)}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {customer.kind === 'company' ? tp('kinds.company') : tp('kinds.person')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatPhone(customer.phone)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{customer.email ?? '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{customer.lineId ?? '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{users.nameOf(customer.ownerId) ?? '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {customer.tags.map((tag) => (
                    <Badge key={tag} size="sm" variant="light" color="grape">
                      {tag}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {format.date(customer.createdAt)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
