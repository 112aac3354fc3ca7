import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useSession } from '../../auth/session-context.ts';
import { TableState } from '../../components/TableState.tsx';
import { useFormatters } from '../../format/use-formatters.ts';
import { quoteApi, quoteKeys, STATUS_COLOR } from './quotes-api.ts';

/**
 * A customer's quotes (those the user may see) on the profile, or one deal's in the deal
 * drawer, with a button for a new one (for that customer, and deal).
 */
export function CustomerQuotesPanel({ customerId, dealId }: { customerId: string; dealId?: string }) {
  const { t } = useTranslation('quotes');
  const fmt = useFormatters();
  const { can } = useSession();
  const navigate = useNavigate();
  const quotes = useQuery({
    queryKey: [...quoteKeys.all, 'customer', customerId, dealId],
    queryFn: () => quoteApi.list({ customerId, dealId, limit: 50 }),
  });
  const items = quotes.data?.items ?? [];
  return (
    <>
      <Group justify="space-between" mt={dealId ? 'xs' : 'xl'} mb="xs">
        <Text fw={600}>{t('profile.title')}</Text>
        {can('sales', 'create') && (
          <Button
            size="xs"
            variant="light"
            component={Link}
            to={`/sales/quotes/new?customerId=${encodeURIComponent(customerId)}${dealId ? `&dealId=${encodeURIComponent(dealId)}` : ''}`}
            leftSection={<IconPlus size={14} />}
          >
            {t('profile.new')}
          </Button>
        )}
      </Group>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="customer-quotes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('list.number')}</Table.Th>
            <Table.Th>{t('list.issued')}</Table.Th>
            <Table.Th>{t('list.validUntil')}</Table.Th>
            <Table.Th>{t('list.status')}</Table.Th>
            <Table.Th ta="right">{t('list.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && (
            <TableState columns={5} loading={quotes.isFetching} failed={quotes.isError} empty={t('profile.empty')} />
          )}
          {items.map((q) => (
            <Table.Tr key={q.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/sales/quotes/${q.id}`)}>
              <Table.Td ff="monospace">{q.number}</Table.Td>
              <Table.Td>{fmt.date(q.issuedOn)}</Table.Td>
              <Table.Td>{fmt.date(q.validUntil)}</Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[q.status]} variant="light">
                  {t(`statuses.${q.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">{fmt.money(q.totalSatang, q.currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
