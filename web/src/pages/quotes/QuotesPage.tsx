import { Badge, Button, Group, Paper, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useSession } from '../../auth/session-context.ts';
import { CursorPager } from '../../components/CursorPager.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TableState } from '../../components/TableState.tsx';
import { useFormatters } from '../../format/use-formatters.ts';
import { QUOTE_STATUSES, type QuoteStatus, quoteApi, quoteKeys, STATUS_COLOR } from './quotes-api.ts';

/** Quotes the user may see, newest first, by status or number/customer; a row opens the quote. */
export function QuotesPage() {
  const { t } = useTranslation('quotes');
  const fmt = useFormatters();
  const { can } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? undefined) as QuoteStatus | undefined;
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [pageSize, setPageSize] = useState(50);
  const cursor = cursors[cursors.length - 1];
  const quotes = useQuery({
    queryKey: [...quoteKeys.all, 'list', status, q, cursor, pageSize],
    queryFn: () => quoteApi.list({ status, q: q || undefined, cursor, limit: pageSize }),
  });
  const items = quotes.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={t('list.subtitle')}
        actions={
          can('sales', 'create') && (
            <Button component={Link} to="/sales/quotes/new" leftSection={<IconPlus size={16} />}>
              {t('list.new')}
            </Button>
          )
        }
      />
      <Paper withBorder radius="md" p="md">
        <Group mb="md">
          <TextInput
            aria-label={t('list.search')}
            placeholder={t('list.search')}
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              setCursors([undefined]);
            }}
          />
          <Select
            aria-label={t('list.status')}
            placeholder={t('list.anyStatus')}
            data={QUOTE_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
            value={status ?? null}
            onChange={(v) => {
              const next = new URLSearchParams(params);
              if (v) next.set('status', v);
              else next.delete('status');
              setParams(next);
              setCursors([undefined]);
            }}
            clearable
          />
        </Group>
        <ProblemAlert error={quotes.error} />
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover verticalSpacing="sm" data-testid="quotes-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('list.number')}</Table.Th>
                <Table.Th>{t('list.customer')}</Table.Th>
                <Table.Th>{t('list.issued')}</Table.Th>
                <Table.Th>{t('list.validUntil')}</Table.Th>
                <Table.Th>{t('list.owner')}</Table.Th>
                <Table.Th>{t('list.status')}</Table.Th>
                <Table.Th ta="right">{t('list.total')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.length === 0 && (
                <TableState columns={7} loading={quotes.isFetching} failed={quotes.isError} empty={t('list.empty')} />
              )}
              {items.map((x) => (
                <Table.Tr key={x.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/sales/quotes/${x.id}`)}>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {x.number}
                    </Text>
                  </Table.Td>
                  <Table.Td>{x.customerName}</Table.Td>
                  <Table.Td>{fmt.date(x.issuedOn)}</Table.Td>
                  <Table.Td>{fmt.date(x.validUntil)}</Table.Td>
                  <Table.Td>{x.ownerName ?? '—'}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[x.status]} variant="light">
                      {t(`statuses.${x.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{fmt.money(x.totalSatang, x.currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <CursorPager
          pageIndex={cursors.length - 1}
          hasNext={Boolean(quotes.data?.nextCursor)}
          pageSize={pageSize}
          loading={quotes.isFetching}
          onPrevious={() => setCursors((c) => c.slice(0, -1))}
          onNext={() => setCursors((c) => [...c, quotes.data?.nextCursor ?? undefined])}
          onPageSize={(size) => {
            setPageSize(size);
            setCursors([undefined]);
          }}
        />
      </Paper>
    </>
  );
}
