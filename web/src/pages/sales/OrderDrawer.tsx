import { Anchor, Badge, Button, Divider, Drawer, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSession } from '../../auth/session-context.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useFormatters } from '../../format/use-formatters.ts';
import { orderApi, salesKeys } from '../../queries/sales-api.ts';
import type { Order } from '../../queries/sales-types.ts';
import { STATUS_COLOR } from './order-status.ts';
import { RefundModal } from './RefundModal.tsx';

function Amount({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <Group justify="space-between">
      <Text size="sm" c={strong ? undefined : 'dimmed'} fw={strong ? 600 : undefined}>
        {label}
      </Text>
      <Text size="sm" fw={strong ? 600 : undefined}>
        {value}
      </Text>
    </Group>
  );
}

/** One order: its lines, totals with VAT, delivery, refunds, and the next steps. */
export function OrderDrawer({ orderId, onClose }: { orderId: string; onClose: () => void }) {
  const { t } = useTranslation('sales');
  const fmt = useFormatters();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [carrier, setCarrier] = useState('');
  const [tracking, setTracking] = useState('');
  const [refunding, setRefunding] = useState(false);
  const order = useQuery({ queryKey: [...salesKeys.orders, 'one', orderId], queryFn: () => orderApi.get(orderId) });
  const step = useMutation({
    mutationFn: (s: 'pay' | 'fulfil' | 'cancel') =>
      orderApi.step(
        orderId,
        s,
        s === 'fulfil' ? { carrier: carrier || undefined, trackingNumber: tracking || undefined } : {},
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: salesKeys.orders }),
  });
  const o: Order | undefined = order.data;
  const money = (v: number) => fmt.money(v, o?.currency);
  const editable = can('sales', 'update');

  return (
    <Drawer opened onClose={onClose} position="right" size="xl" title={t('orders.detail')}>
      <ProblemAlert error={order.error ?? step.error} />
      {o && (
        <Stack data-testid="order-detail">
          <Group justify="space-between">
            <div>
              <Text fw={600}>{o.externalId ?? o.id.slice(0, 8)}</Text>
              <Text size="sm" c="dimmed">
                {fmt.dateTime(o.orderedAt)} · {t(`orders.sources.${o.source}`)}
              </Text>
            </div>
            <Badge color={STATUS_COLOR[o.status]} size="lg" variant="light">
              {t(`orders.statuses.${o.status}`)}
            </Badge>
          </Group>
          <Anchor component={Link} to={`/customers/${o.customerId}`} size="sm">
            {o.customerName || t('orders.openCustomer')}
          </Anchor>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('orders.lines')}</Table.Th>
                <Table.Th ta="right">{t('orders.quantity')}</Table.Th>
                <Table.Th ta="right">{t('orders.unitPrice')}</Table.Th>
                <Table.Th ta="right">{t('orders.discount')}</Table.Th>
                <Table.Th ta="right">{t('orders.lineTotal')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {o.lines.map((l) => (
                <Table.Tr key={l.lineNo}>
                  <Table.Td>
                    <Text size="sm">{l.name}</Text>
                    {l.sku && (
                      <Text size="xs" c="dimmed" ff="monospace">
                        {l.sku}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{fmt.number(l.quantity)}</Table.Td>
                  <Table.Td ta="right">{money(l.unitPriceSatang)}</Table.Td>
                  <Table.Td ta="right">{l.discountSatang ? money(l.discountSatang) : '—'}</Table.Td>
                  <Table.Td ta="right">{money(l.grossSatang)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Stack gap={4}>
            <Amount label={t('orders.subtotal')} value={money(o.subtotalSatang)} />
            <Amount label={t('orders.discount')} value={money(o.discountSatang)} />
            <Amount label={t('orders.vat')} value={money(o.vatSatang)} />
            <Amount label={t('orders.total')} value={money(o.totalSatang)} strong />
            <Amount label={t('orders.paid')} value={money(o.paidSatang)} />
            {o.refundedSatang > 0 && <Amount label={t('orders.refunded')} value={money(o.refundedSatang)} />}
          </Stack>
          <Divider label={t('orders.tracking')} labelPosition="left" />
          {o.fulfilledAt ? (
            <Text size="sm">
              {fmt.dateTime(o.fulfilledAt)} {o.carrier ? `· ${o.carrier}` : ''}{' '}
              {o.trackingNumber ? `· ${o.trackingNumber}` : ''}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              {t('orders.noTracking')}
            </Text>
          )}
          {o.refunds.length > 0 && (
            <>
              <Divider label={t('orders.refunds')} labelPosition="left" />
              {o.refunds.map((r) => (
                <Group key={r.id} justify="space-between">
                  <Text size="sm">
                    {fmt.date(r.refundedAt)} · {r.reason}
                  </Text>
                  <Text size="sm" c="red">
                    −{money(r.amountSatang)}
                  </Text>
                </Group>
              ))}
            </>
          )}
          {editable && (
            <>
              <Divider />
              {(o.status === 'pending' || o.status === 'paid') && (
                <Group grow>
                  <TextInput
                    label={t('orders.carrier')}
                    value={carrier}
                    onChange={(e) => setCarrier(e.currentTarget.value)}
                  />
                  <TextInput
                    label={t('orders.trackingNumber')}
                    value={tracking}
                    onChange={(e) => setTracking(e.currentTarget.value)}
                  />
                </Group>
              )}
              <Group>
                {o.status === 'pending' && (
                  <Button onClick={() => step.mutate('pay')} loading={step.isPending && step.variables === 'pay'}>
                    {t('orders.pay')}
                  </Button>
                )}
                {(o.status === 'pending' || o.status === 'paid') && (
                  <Button
                    variant="light"
                    onClick={() => step.mutate('fulfil')}
                    loading={step.isPending && step.variables === 'fulfil'}
                  >
                    {t('orders.fulfil')}
                  </Button>
                )}
                {o.status === 'pending' && (
                  <Button
                    variant="subtle"
                    color="gray"
                    onClick={() => step.mutate('cancel')}
                    loading={step.isPending && step.variables === 'cancel'}
                  >
                    {t('orders.cancel')}
                  </Button>
                )}
                {o.paidSatang > o.refundedSatang && (
                  <Button variant="light" color="red" onClick={() => setRefunding(true)}>
                    {t('orders.refund')}
                  </Button>
                )}
              </Group>
            </>
          )}
          {refunding && <RefundModal order={o} onClose={() => setRefunding(false)} />}
        </Stack>
      )}
    </Drawer>
  );
}
