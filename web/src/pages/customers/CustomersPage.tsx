import { Button, Group, Paper, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useSession } from '../../auth/session-context.ts';
import { CursorPager } from '../../components/CursorPager.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useCursorPages } from '../../lib/use-cursor-pages.ts';
import { useCustomerList } from '../../queries/customers.ts';
import { type CustomerSort, SORTS } from '../../queries/customers-types.ts';
import { ExportMenu } from '../dataops/ExportMenu.tsx';
import { CustomerFilters, type CustomerFilterValues, filterQuery } from './CustomerFilters.tsx';
import { CustomerFormModal } from './CustomerFormModal.tsx';
import { CustomersTable } from './CustomersTable.tsx';

function isSort(value: string | null): value is CustomerSort {
  return (SORTS as readonly (string | null)[]).includes(value);
}

export function CustomersPage() {
  const { t } = useTranslation();
  const { t: tp } = useTranslation('profile');
  const { can } = useSession();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [filters, setFilters] = useState<CustomerFilterValues>({});
  const [sort, setSort] = useState<CustomerSort>('created_desc');
  const [pageSize, setPageSize] = useState(25);
  const [creating, setCreating] = useState(false);
  const pages = useCursorPages();
  const { reset } = pages;
  const query = useMemo(() => filterQuery(filters), [filters]);
  const queryKey = JSON.stringify(query);

  useEffect(() => reset(), [q, queryKey, sort, pageSize, reset]);

  const exportQuery = useMemo(() => {
    const { customFields, ...rest } = query;
    const flat: Record<string, string | string[] | undefined> = { ...rest, q, sort };
    for (const [key, value] of Object.entries(customFields ?? {})) flat[`cf.${key}`] = value;
    return flat;
  }, [query, q, sort]);
  const list = useCustomerList({ ...query, q, sort, limit: pageSize, cursor: pages.cursor });

  return (
    <>
      <PageHeader
        title={t('customers.title')}
        description={t('customers.subtitle')}
        actions={
          <>
            <ExportMenu query={exportQuery} />
            {can('customers', 'create') && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                {tp('list.newCustomer')}
              </Button>
            )}
          </>
        }
      />
      <Paper withBorder radius="md" p="md">
        <Group gap="sm" mb="sm" wrap="wrap" align="flex-end">
          <TextInput
            leftSection={<IconSearch size={16} />}
            placeholder={t('customers.searchPlaceholder')}
            aria-label={t('common.search')}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            style={{ flex: '1 1 320px' }}
            maw={520}
            data-testid="customer-search"
          />
          <Select
            aria-label={tp('list.sort')}
            data={SORTS.map((s) => ({ value: s, label: tp(`sorts.${s}`) }))}
            value={sort}
            onChange={(value) => isSort(value) && setSort(value)}
            allowDeselect={false}
            w={200}
            data-testid="customer-sort"
          />
        </Group>
        <CustomerFilters value={filters} onChange={setFilters} />
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
      <CustomerFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        onSaved={(created) => navigate(`/customers/${created.id}`)}
      />
    </>
  );
}
