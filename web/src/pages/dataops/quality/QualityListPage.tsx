import { Anchor, Paper, Table, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { CursorPager } from '../../../components/CursorPager.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { TableState } from '../../../components/TableState.tsx';
import { useFormatters } from '../../../format/use-formatters.ts';
import { useCursorPages } from '../../../lib/use-cursor-pages.ts';
import { dataQualityApi } from '../../../queries/dataops-api.ts';
import { checkTitle } from './check-title.ts';

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The customers one data-quality check found (e.g. missing-email, stale, unreachable), to open and fix. */
export function QualityListPage() {
  const { t } = useTranslation('dataops');
  const format = useFormatters();
  const { check = '' } = useParams();
  const [search] = useSearchParams();
  const staleMonths = Number(search.get('staleMonths')) || undefined;
  const [pageSize, setPageSize] = useState(25);
  const pages = useCursorPages();
  const list = useQuery({
    queryKey: ['data-quality', 'list', check, { staleMonths, limit: pageSize, cursor: pages.cursor }],
    queryFn: () => dataQualityApi.customers(check, { limit: pageSize, cursor: pages.cursor, staleMonths }),
    placeholderData: keepPreviousData,
  });
  const items = list.data?.items ?? [];

  return (
    <>
      <Anchor component={Link} to="/customers/data-quality" size="sm" mb="xs" display="inline-flex">
        <IconArrowLeft size={16} style={{ marginRight: 4 }} />
        {t('quality.list.back')}
      </Anchor>
      <PageHeader title={checkTitle(t, check, staleMonths)} description={t('quality.list.title')} />
      <Paper withBorder radius="md" p="md">
        <ProblemAlert error={list.error} />
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover verticalSpacing="sm" data-testid="quality-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('quality.list.name')}</Table.Th>
                <Table.Th>{t('quality.list.contact')}</Table.Th>
                <Table.Th>{t('quality.list.updated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.length === 0 && (
                <TableState
                  columns={3}
                  loading={list.isFetching}
                  failed={list.isError}
                  empty={t('quality.list.empty')}
                />
              )}
              {items.map((customer) => (
                <Table.Tr key={customer.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/customers/${customer.id}`} size="sm" fw={500}>
                      {customer.displayName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {[text(customer.phone), text(customer.email), text(customer.lineId)].filter(Boolean).join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{format.dateTime(text(customer.updatedAt) || text(customer.createdAt))}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <CursorPager
          pageIndex={pages.pageIndex}
          hasNext={Boolean(list.data?.nextCursor)}
          pageSize={pageSize}
          loading={list.isFetching}
          onPrevious={pages.previous}
          onNext={() => pages.next(list.data?.nextCursor ?? null)}
          onPageSize={(size) => {
            setPageSize(size);
            pages.reset();
          }}
        />
      </Paper>
    </>
  );
}
