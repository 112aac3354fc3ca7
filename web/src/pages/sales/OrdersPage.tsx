import { Badge, Group, Paper, Select, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { CursorPager } from '../../components/CursorPager.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TableState } from '../../components/TableState.tsx';
import { useFormatters } from '../../format/use-formatters.ts';
import { orderApi, salesKeys } from '../../queries/sales-api.ts';
import { ORDER_SOURCES, ORDER_STATUSES, type OrderSource, type OrderStatus } from '../../queries/sales-types.ts';
import { OrderDrawer } from './OrderDrawer.tsx';
import { STATUS_COLOR } from './order-status.ts';

/** Orders of the customers the user may see, newest first; a row opens the order. */
export function OrdersPage() {
  const { t } = useTranslation('sales');
  const fmt = useFormatters();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? undefined) as OrderStatus | undefined;
  const source = (params.get('source') ?? undefined) as OrderSource | undefined;
  const open = params.get('order');
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [pageSize, setPageSize] = useState(50);
  const cursor = cursors[cursors.length - 1];
  const orders = useQuery({
    queryKey: [...salesKeys.orders, status, source, cursor, pageSize],
    queryFn: () => orderApi.list({ status, source, cursor, limit: pageSize }),
  });
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
    if (key !== 'order') setCursors([undefined]);
  };
  const items = orders.data?.items ?? [];

  return (
    <>
      <PageHeader title={t('orders.title')} description={t('orders.subtitle')} />
      <Paper withBorder radius="md" p="md">
        <Group mb="md">
          <Select
            aria-label={t('orders.status')}
            placeholder={t('orders.anyStatus')}
            data={ORDER_STATUSES.map((s) => ({ value: s, label: t(`orders.statuses.${s}`) }))}
            value={status ?? null}
            onChange={(v) => setParam('status', v)}
            clearable
          />
          <Select
            aria-label={t('orders.source')}
            placeholder={t('orders.anySource')}
            data={ORDER_SOURCES.map((s) => ({ value: s, label: t(`orders.sources.${s}`) }))}
            value={source ?? null}
            onChange={(v) => setParam('source', v)}
            clearable
          />
        </Group>
        <ProblemAlert error={orders.error} />
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover verticalSpacing="sm" data-testid="orders-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('orders.date')}</Table.Th>
                <Table.Th>{t('orders.number')}</Table.Th>
                <Table.Th>{t('orders.customer')}</Table.Th>
                <Table.Th>{t('orders.source')}</Table.Th>
                <Table.Th>{t('orders.status')}</Table.Th>
                <Table.Th ta="right">{t('orders.total')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.length === 0 && (
                <TableState columns={6} loading={orders.isFetching} failed={orders.isError} empty={t('orders.empty')} />
              )}
              {items.map((o) => (
                <Table.Tr key={o.id} style={{ cursor: 'pointer' }} onClick={() => setParam('order', o.id)}>
                  <Table.Td>{fmt.dateTime(o.orderedAt)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {o.externalId ?? o.id.slice(0, 8)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{o.customerName}</Table.Td>
                  <Table.Td>{t(`orders.sources.${o.source}`)}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[o.status]} variant="light">
                      {t(`orders.statuses.${o.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{fmt.money(o.totalSatang, o.currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <CursorPager
          pageIndex={cursors.length - 1}
          hasNext={Boolean(orders.data?.nextCursor)}
          pageSize={pageSize}
          loading={orders.isFetching}
          onPrevious={() => setCursors((c) => c.slice(0, -1))}
          onNext={() => setCursors((c) => [...c, orders.data?.nextCursor ?? undefined])}
          onPageSize={(size) => {
            setPageSize(size);
            setCursors([undefined]);
          }}
        />
      </Paper>
      {open && <OrderDrawer orderId={open} onClose={() => setParam('order', null)} />}
    </>
  );
}
