import { Anchor, Badge, Button, Divider, Drawer, Group, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSession } from '../../auth/session-context.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useFormatters } from '../../format/use-formatters.ts';
import { dealApi, dealKeys, pipelineApi } from '../../queries/deals-api.ts';
import { CustomerQuotesPanel } from '../quotes/CustomerQuotesPanel.tsx';
import { DealEditForm } from './DealEditForm.tsx';
import { DEAL_STATUS_COLOR, formatDuration, localName } from './deal-format.ts';
import { LostReasonModal } from './LostReasonModal.tsx';

function Field({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

/** One deal: value, stage, owner, products, stage history with time in stage; move, win or lose it. */
export function DealDrawer({ dealId, onClose }: { dealId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation('deals');
  const fmt = useFormatters();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [losing, setLosing] = useState(false);
  const [editing, setEditing] = useState(false);
  const deal = useQuery({ queryKey: [...dealKeys.all, 'one', dealId], queryFn: () => dealApi.get(dealId) });
  const pipelines = useQuery({ queryKey: dealKeys.pipelines, queryFn: pipelineApi.list });
  const done = () => void queryClient.invalidateQueries({ queryKey: dealKeys.all });
  const action = useMutation({
    mutationFn: (a: { kind: 'move'; stageId: string } | { kind: 'won' } | { kind: 'lost'; reason: string }) =>
      a.kind === 'move'
        ? dealApi.move(dealId, { stageId: a.stageId })
        : a.kind === 'won'
          ? dealApi.won(dealId)
          : dealApi.lost(dealId, a.reason),
    onSuccess: done,
  });
  const d = deal.data;
  const money = (v: number) => fmt.money(v, d?.currency);
  const stages = pipelines.data?.find((p) => p.id === d?.pipelineId)?.stages ?? [];
  const editable = can('sales', 'update');

  return (
    <Drawer opened onClose={onClose} position="right" size="xl" title={t('deal.detail')}>
      <ProblemAlert error={deal.error ?? action.error} />
      {d && (
        <Stack data-testid="deal-detail">
          <Group justify="space-between" align="flex-start">
            <div>
              <Text fw={600} size="lg">
                {d.title || t('deal.untitled')}
              </Text>
              <Anchor component={Link} to={`/customers/${d.customerId}`} size="sm">
                {d.customerName || t('deal.openCustomer')}
              </Anchor>
            </div>
            <Badge color={DEAL_STATUS_COLOR[d.status]} size="lg" variant="light" data-testid="deal-status">
              {t(`deal.statuses.${d.status}`)}
            </Badge>
          </Group>
          {editing && <DealEditForm deal={d} onDone={() => setEditing(false)} />}
          <SimpleGrid cols={{ base: 2, sm: 3 }}>
            <Field label={t('deal.value')} value={money(d.valueSatang)} />
            <Field label={t('deal.weighted')} value={money(d.weightedSatang)} />
            <Field label={t('deal.probability')} value={`${d.probability}%`} />
            <Field
              label={t('deal.stage')}
              value={localName({ nameTh: d.stageNameTh, nameEn: d.stageNameEn }, i18n.language)}
              testId="deal-stage"
            />
            <Field label={t('deal.owner')} value={d.ownerName ?? t('deal.noOwner')} />
            <Field label={t('deal.expectedClose')} value={fmt.date(d.expectedCloseOn)} />
          </SimpleGrid>
          {d.status === 'lost' && d.lostReason && <Field label={t('deal.lostReason')} value={d.lostReason} />}
          {d.note && <Field label={t('deal.note')} value={d.note} />}
          {editable && (
            <Group align="flex-end">
              <Select
                label={t('deal.moveTo')}
                data={stages
                  .filter((s) => s.kind === 'open')
                  .map((s) => ({ value: s.id, label: localName(s, i18n.language) }))}
                value={d.status === 'open' ? d.stageId : null}
                onChange={(v) => v && v !== d.stageId && action.mutate({ kind: 'move', stageId: v })}
                w={220}
              />
              <Button
                color="teal"
                variant="light"
                disabled={d.status === 'won'}
                onClick={() => action.mutate({ kind: 'won' })}
              >
                {t('deal.markWon')}
              </Button>
              <Button color="red" variant="light" disabled={d.status === 'lost'} onClick={() => setLosing(true)}>
                {t('deal.markLost')}
              </Button>
              {!editing && (
                <Button variant="default" onClick={() => setEditing(true)}>
                  {t('deal.edit')}
                </Button>
              )}
            </Group>
          )}
          <Divider label={t('deal.products')} labelPosition="left" />
          {d.products.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('deal.noProducts')}
            </Text>
          ) : (
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('deal.product')}</Table.Th>
                  <Table.Th ta="right">{t('deal.quantity')}</Table.Th>
                  <Table.Th ta="right">{t('deal.unitPrice')}</Table.Th>
                  <Table.Th ta="right">{t('deal.lineTotal')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.products.map((p) => (
                  <Table.Tr key={`${p.productId}-${p.quantity}-${p.unitPriceSatang}`}>
                    <Table.Td>
                      <Text size="sm">{localName(p, i18n.language)}</Text>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {p.sku}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{fmt.number(p.quantity)}</Table.Td>
                    <Table.Td ta="right">{money(p.unitPriceSatang)}</Table.Td>
                    <Table.Td ta="right">{money(p.totalSatang)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Divider label={t('deal.history')} labelPosition="left" />
          <Table verticalSpacing="xs" data-testid="deal-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('deal.stage')}</Table.Th>
                <Table.Th>{t('deal.entered')}</Table.Th>
                <Table.Th ta="right">{t('deal.timeInStage')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.history.map((h) => (
                <Table.Tr key={`${h.toStageId}-${h.movedAt}`}>
                  <Table.Td>
                    <Text size="sm">{localName({ nameTh: h.stageNameTh, nameEn: h.stageNameEn }, i18n.language)}</Text>
                    {h.movedByName && (
                      <Text size="xs" c="dimmed">
                        {t('deal.by', { name: h.movedByName })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{fmt.dateTime(h.movedAt)}</Table.Td>
                  <Table.Td ta="right">
                    {formatDuration(h.secondsInStage, t)}
                    {h.leftAt === null ? ` (${t('deal.now')})` : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <CustomerQuotesPanel customerId={d.customerId} dealId={d.id} />
        </Stack>
      )}
      <LostReasonModal
        opened={losing}
        busy={action.isPending}
        onCancel={() => setLosing(false)}
        onConfirm={(reason) => {
          setLosing(false);
          action.mutate({ kind: 'lost', reason });
        }}
      />
    </Drawer>
  );
}
