import { Paper, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customersApi } from '../../api/endpoints.ts';
import { CursorPager } from '../../components/CursorPager.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useCursorPages } from '../../lib/use-cursor-pages.ts';
import { CustomersTable } from './CustomersTable.tsx';

export function CustomersPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [pageSize, setPageSize] = useState(25);
  const pages = useCursorPages();
  const { reset } = pages;

  useEffect(() => reset(), [q, pageSize, reset]);

  const list = useQuery({
    queryKey: ['customers', { q, limit: pageSize, cursor: pages.cursor }],
    queryFn: () => customersApi.list({ q, limit: pageSize, cursor: pages.cursor }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader title={t('customers.title')} description={t('customers.subtitle')} />
      <Paper withBorder radius="md" p="md">
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder={t('customers.searchPlaceholder')}
          aria-label={t('common.search')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          mb="md"
          maw={420}
        />
        <ProblemAlert error={list.error} />
        <CustomersTable customers={list.data?.items ?? []} loading={list.isFetching} failed={list.isError} />
        <CursorPager
          pageIndex={pages.pageIndex}
          hasNext={Boolean(list.data?.nextCursor)}
          pageSize={pageSize}
          loading={list.isFetching}
          onPrevious={pages.previous}
          onNext={() => pages.next(list.data?.nextCursor ?? null)}
          onPageSize={setPageSize}
        />
      </Paper>
    </>
  );
}
