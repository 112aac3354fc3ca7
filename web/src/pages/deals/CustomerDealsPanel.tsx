import { Badge, Button, Group, Paper, SimpleGrid, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session-context.ts';
import { TableState } from '../../components/TableState.tsx';
import { useFormatters } from '../../format/use-formatters.ts';
import { dealApi, dealKeys, pipelineApi } from '../../queries/deals-api.ts';
import { DealCreateModal } from './DealCreateModal.tsx';
import { DealDrawer } from './DealDrawer.tsx';
import { DEAL_STATUS_COLOR, localName } from './deal-format.ts';

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

/** The profile's Deals tab: open and won figures, the customer's deals, and a new deal for them. */
export function CustomerDealsPanel({ customerId, customerName }: { customerId: string; customerName: string }) {
  const { t, i18n } = useTranslation('deals');
  const fmt = useFormatters();
  const { can } = useSession();
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const deals = useQuery({
    queryKey: [...dealKeys.all, 'customer', customerId],
    queryFn: () => dealApi.list({ customerId, limit: 100 }),
  });
  const pipelines = useQuery({ queryKey: dealKeys.pipelines, queryFn: pipelineApi.list });
  const stages = new Map((pipelines.data ?? []).flatMap((p) => p.stages.map((s) => [s.id, s] as const)));
  const items = deals.data?.items ?? [];
  const openDeals = items.filter((d) => d.status === 'open');
  const sum = (list: typeof items) => list.reduce((n, d) => n + d.valueSatang, 0);

  return (
    <>
      <Group justify="space-between" mb="md" align="flex-start">
        <SimpleGrid cols={3} style={{ flex: 1 }}>
          <Figure label={t('profile.open')} value={fmt.number(openDeals.length)} />
          <Figure label={t('profile.openValue')} value={fmt.money(sum(openDeals))} />
          <Figure label={t('profile.won')} value={fmt.money(sum(items.filter((d) => d.status === 'won')))} />
        </SimpleGrid>
        {can('sales', 'create') && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            {t('deal.new')}
          </Button>
        )}
      </Group>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="customer-deals">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('deal.title')}</Table.Th>
            <Table.Th>{t('deal.stage')}</Table.Th>
            <Table.Th>{t('deal.status')}</Table.Th>
            <Table.Th ta="right">{t('deal.value')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && (
            <TableState columns={4} loading={deals.isFetching} failed={deals.isError} empty={t('profile.empty')} />
          )}
          {items.map((d) => {
            const stage = stages.get(d.stageId);
            return (
              <Table.Tr key={d.id} style={{ cursor: 'pointer' }} onClick={() => setOpen(d.id)}>
                <Table.Td>{d.title || t('deal.untitled')}</Table.Td>
                <Table.Td>{stage ? localName(stage, i18n.language) : '—'}</Table.Td>
                <Table.Td>
                  <Badge color={DEAL_STATUS_COLOR[d.status]} variant="light">
                    {t(`deal.statuses.${d.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">{fmt.money(d.valueSatang, d.currency)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {creating && (
        <DealCreateModal
          customer={{ id: customerId, name: customerName }}
          onClose={() => setCreating(false)}
          onCreated={setOpen}
        />
      )}
      {open && <DealDrawer dealId={open} onClose={() => setOpen(null)} />}
    </>
  );
}
