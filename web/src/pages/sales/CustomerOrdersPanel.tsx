import { Badge, Group, Paper, SimpleGrid, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TableState } from '../../components/TableState.tsx';
import { useFormatters } from '../../format/use-formatters.ts';
import { orderApi, salesKeys } from '../../queries/sales-api.ts';
import { OrderDrawer } from './OrderDrawer.tsx';
import { STATUS_COLOR } from './order-status.ts';

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </Paper>
  );
}

/** A customer's latest orders on the profile, with what they bought in total; a row opens the order. */
export function CustomerOrdersPanel({ customerId }: { customerId: string }) {
  const { t } = useTranslation('sales');
  const fmt = useFormatters();
  const [open, setOpen] = useState<string | null>(null);
  const orders = useQuery({
    queryKey: [...salesKeys.orders, 'customer', customerId],
    queryFn: () => orderApi.list({ customerId, limit: 100 }),
  });
  const items = orders.data?.items ?? [];
  const kept = items.filter((o) => o.status !== 'cancelled');
  const spent = kept.reduce((sum, o) => sum + o.paidSatang - o.refundedSatang, 0);
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md">
        <Figure label={t('orders.profileCount')} value={fmt.number(kept.length)} />
        <Figure label={t('orders.profileSpent')} value={fmt.money(spent)} />
        <Figure label={t('orders.profileLast')} value={fmt.date(kept[0]?.orderedAt)} />
      </SimpleGrid>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="customer-orders">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('orders.date')}</Table.Th>
            <Table.Th>{t('orders.number')}</Table.Th>
            <Table.Th>{t('orders.lines')}</Table.Th>
            <Table.Th>{t('orders.status')}</Table.Th>
            <Table.Th ta="right">{t('orders.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && (
            <TableState
              columns={5}
              loading={orders.isFetching}
              failed={orders.isError}
              empty={t('orders.profileEmpty')}
            />
          )}
          {items.map((o) => (
            <Table.Tr key={o.id} style={{ cursor: 'pointer' }} onClick={() => setOpen(o.id)}>
              <Table.Td>{fmt.date(o.orderedAt)}</Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {o.externalId ?? o.id.slice(0, 8)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={1}>
                  {o.lines.map((l) => `${l.name} × ${l.quantity}`).join(', ')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Badge color={STATUS_COLOR[o.status]} variant="light">
                    {t(`orders.statuses.${o.status}`)}
                  </Badge>
                </Group>
              </Table.Td>
              <Table.Td ta="right">{fmt.money(o.totalSatang, o.currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {open && <OrderDrawer orderId={open} onClose={() => setOpen(null)} />}
    </>
  );
}
