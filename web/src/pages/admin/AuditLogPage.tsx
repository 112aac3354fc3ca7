import { Button, Center, Paper, Table } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuditQuery, auditApi } from '../../api/endpoints.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TableState } from '../../components/TableState.tsx';
import { useDisplaySettings } from '../../format/display-settings.ts';
import { useFormatters } from '../../format/use-formatters.ts';
import { endOfDayIn, startOfDayIn } from '../../format/zoned-date.ts';
import { AUDIT_COLUMNS, AuditEntryRow } from './AuditEntryRow.tsx';
import { AuditFilters, type AuditFilterValues, emptyAuditFilters } from './AuditFilters.tsx';

const PAGE_SIZE = 50;

function toQuery(filters: AuditFilterValues, timeZone: string): AuditQuery {
  return {
    limit: PAGE_SIZE,
    entityType: filters.entityType ?? undefined,
    action: filters.action ?? undefined,
    actorId: filters.actorId ?? undefined,
    // Days are days of the business, so they start at midnight in its time zone.
    from: filters.fromDay ? startOfDayIn(filters.fromDay, timeZone) : undefined,
    to: filters.toDay ? endOfDayIn(filters.toDay, timeZone) : undefined,
  };
}

export function AuditLogPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { timeZone } = useDisplaySettings();
  const [filters, setFilters] = useState<AuditFilterValues>(emptyAuditFilters);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const query = toQuery(filters, timeZone);

  const entries = useInfiniteQuery({
    queryKey: ['audit', query],
    queryFn: ({ pageParam }) => auditApi.list({ ...query, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
  const items = entries.data?.pages.flatMap((page) => page.items) ?? [];

  function toggle(id: number) {
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.subtitle')} />
      <Paper withBorder radius="md" p="md">
        <AuditFilters value={filters} onChange={setFilters} />
        <ProblemAlert error={entries.error} />
        <Table.ScrollContainer minWidth={820}>
          <Table verticalSpacing="sm" highlightOnHover data-testid="audit-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                <Table.Th>{t('audit.columns.at')}</Table.Th>
                <Table.Th>{t('audit.columns.actor')}</Table.Th>
                <Table.Th>{t('audit.columns.action')}</Table.Th>
                <Table.Th>{t('audit.columns.entity')}</Table.Th>
                <Table.Th>{t('audit.columns.changes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.length === 0 && (
                <TableState
                  columns={AUDIT_COLUMNS}
                  loading={entries.isFetching}
                  failed={entries.isError}
                  empty={t('audit.empty')}
                />
              )}
              {items.map((entry) => (
                <AuditEntryRow
                  key={entry.id}
                  entry={entry}
                  format={format}
                  expanded={expanded.has(entry.id)}
                  onToggle={() => toggle(entry.id)}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {entries.hasNextPage && (
          <Center mt="md">
            <Button variant="default" loading={entries.isFetchingNextPage} onClick={() => void entries.fetchNextPage()}>
              {t('common.loadMore')}
            </Button>
          </Center>
        )}
      </Paper>
    </>
  );
}
