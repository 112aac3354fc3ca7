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
import { dealApi, dealKeys, pipelineApi } from '../../queries/deals-api.ts';
import { DEAL_STATUSES, type DealStatus } from '../../queries/deals-types.ts';
import { DealDrawer } from './DealDrawer.tsx';
import { DEAL_STATUS_COLOR, localName } from './deal-format.ts';

/** Deals the user may see, newest first, filtered by pipeline, stage and status; a row opens the deal. */
export function DealsPage() {
  const { t, i18n } = useTranslation('deals');
  const fmt = useFormatters();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? undefined) as DealStatus | undefined;
  const pipelineId = params.get('pipeline') ?? undefined;
  const stageId = params.get('stage') ?? undefined;
  const open = params.get('deal');
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [pageSize, setPageSize] = useState(50);
  const cursor = cursors[cursors.length - 1];
  const pipelines = useQuery({ queryKey: dealKeys.pipelines, queryFn: pipelineApi.list });
  const deals = useQuery({
    queryKey: [...dealKeys.all, 'list', status, pipelineId, stageId, cursor, pageSize],
    queryFn: () => dealApi.list({ status, pipelineId, stageId, cursor, limit: pageSize }),
  });
  const stages = new Map((pipelines.data ?? []).flatMap((p) => p.stages.map((s) => [s.id, s] as const)));
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'pipeline') next.delete('stage');
    setParams(next);
    if (key !== 'deal') setCursors([undefined]);
  };
  const items = deals.data?.items ?? [];
  const pipelineStages = pipelines.data?.find((p) => p.id === pipelineId)?.stages ?? [];

  return (
    <>
      <PageHeader title={t('list.title')} description={t('list.subtitle')} />
      <Paper withBorder radius="md" p="md">
        <Group mb="md">
          <Select
            aria-label={t('board.pipeline')}
            placeholder={t('board.pipeline')}
            data={(pipelines.data ?? []).map((p) => ({ value: p.id, label: localName(p, i18n.language) }))}
            value={pipelineId ?? null}
            onChange={(v) => setParam('pipeline', v)}
            clearable
          />
          {pipelineId && (
            <Select
              aria-label={t('deal.stage')}
              placeholder={t('list.anyStage')}
              data={pipelineStages.map((s) => ({ value: s.id, label: localName(s, i18n.language) }))}
              value={stageId ?? null}
              onChange={(v) => setParam('stage', v)}
              clearable
            />
          )}
          <Select
            aria-label={t('deal.status')}
            placeholder={t('list.anyStatus')}
            data={DEAL_STATUSES.map((s) => ({ value: s, label: t(`deal.statuses.${s}`) }))}
            value={status ?? null}
            onChange={(v) => setParam('status', v)}
            clearable
          />
        </Group>
        <ProblemAlert error={deals.error} />
        <Table.ScrollContainer minWidth={860}>
          <Table striped highlightOnHover verticalSpacing="sm" data-testid="deals-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('deal.title')}</Table.Th>
                <Table.Th>{t('deal.customer')}</Table.Th>
                <Table.Th>{t('deal.stage')}</Table.Th>
                <Table.Th>{t('deal.status')}</Table.Th>
                <Table.Th>{t('deal.owner')}</Table.Th>
                <Table.Th>{t('deal.expectedClose')}</Table.Th>
                <Table.Th ta="right">{t('deal.value')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.length === 0 && (
                <TableState columns={7} loading={deals.isFetching} failed={deals.isError} empty={t('list.empty')} />
              )}
              {items.map((d) => {
                const stage = stages.get(d.stageId);
                return (
                  <Table.Tr key={d.id} style={{ cursor: 'pointer' }} onClick={() => setParam('deal', d.id)}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {d.title || t('deal.untitled')}
                      </Text>
                    </Table.Td>
                    <Table.Td>{d.customerName}</Table.Td>
                    <Table.Td>{stage ? localName(stage, i18n.language) : '—'}</Table.Td>
                    <Table.Td>
                      <Badge color={DEAL_STATUS_COLOR[d.status]} variant="light">
                        {t(`deal.statuses.${d.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{d.ownerName ?? '—'}</Table.Td>
                    <Table.Td>{fmt.date(d.expectedCloseOn)}</Table.Td>
                    <Table.Td ta="right">{fmt.money(d.valueSatang, d.currency)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <CursorPager
          pageIndex={cursors.length - 1}
          hasNext={Boolean(deals.data?.nextCursor)}
          pageSize={pageSize}
          loading={deals.isFetching}
          onPrevious={() => setCursors((c) => c.slice(0, -1))}
          onNext={() => setCursors((c) => [...c, deals.data?.nextCursor ?? undefined])}
          onPageSize={(size) => {
            setPageSize(size);
            setCursors([undefined]);
          }}
        />
      </Paper>
      {open && <DealDrawer dealId={open} onClose={() => setParam('deal', null)} />}
    </>
  );
}
