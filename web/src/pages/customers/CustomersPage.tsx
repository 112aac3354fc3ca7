import { Alert, Anchor, Button, Group, Paper, Select, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useSession } from '../../auth/session-context.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { SORTS } from '../../queries/customers-types.ts';
import { useBulkCount, useInfiniteCustomers, useSavedViews } from '../../queries/lists.ts';
import type { SavedView } from '../../queries/lists-api.ts';
import { ExportMenu } from '../dataops/ExportMenu.tsx';
import { BulkBar } from './BulkBar.tsx';
import { ColumnsMenu } from './ColumnsMenu.tsx';
import { CustomerFilters } from './CustomerFilters.tsx';
import { CustomerFormModal } from './CustomerFormModal.tsx';
import { CustomersTable } from './CustomersTable.tsx';
import { type ListColumn, visibleColumns } from './list-columns.ts';
import {
  apiQuery,
  filterValues,
  flatFilters,
  isSort,
  type ListState,
  paramsFromState,
  stateFromParams,
} from './list-params.ts';
import { useListSelection } from './use-list-selection.ts';
import { ViewsMenu } from './ViewsMenu.tsx';

/**
 * The customer list: search, filters and sort live in the URL (so links and saved views
 * open the same list), rows scroll endlessly (virtualised), and picked rows can be
 * tagged, assigned or exported in bulk.
 */
export function CustomersPage() {
  const { t } = useTranslation();
  const { t: tp } = useTranslation('profile');
  const { t: tl } = useTranslation('lists');
  const { can } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const paramsKey = params.toString();
  const state = useMemo(() => stateFromParams(new URLSearchParams(paramsKey)), [paramsKey]);
  const setState = (patch: Partial<ListState>) => setParams(paramsFromState({ ...state, ...patch }), { replace: true });

  const [search, setSearch] = useState(state.q);
  const [q] = useDebouncedValue(search.trim(), 300);
  // Only the typed search writes q to the URL (deliberately not on state changes).
  useEffect(() => {
    if (q !== state.q) setState({ q });
  }, [q]);
  // A view or a link changed q: the search box follows.
  useEffect(() => {
    if (state.q !== q) setSearch(state.q);
  }, [state.q]);

  const views = useSavedViews();
  const [columns, setColumns] = useState<ListColumn[]>(visibleColumns(undefined));
  const activeView = views.data?.items.find((v) => v.id === state.viewId) ?? null;
  // Opening a link to a saved view shows its columns.
  useEffect(() => {
    if (activeView) setColumns(visibleColumns(activeView.columns));
  }, [activeView?.id]);

  const query = useMemo(() => apiQuery(state), [state]);
  const queryKey = JSON.stringify(query);
  const list = useInfiniteCustomers(query);
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const selection = useListSelection(rows, queryKey);
  const bulkFilter = useMemo(() => {
    const { sort: _s, ...filter } = query;
    return filter;
  }, [query]);
  const showAllBanner = selection.allLoadedSelected && (list.hasNextPage || selection.allMatching);
  const matching = useBulkCount(bulkFilter, showAllBanner);
  const matched = matching.data?.matched ?? null;
  const [creating, setCreating] = useState(false);

  const pickView = (view: SavedView) => {
    const { q: viewQ, ...filters } = view.filters;
    setParams(
      paramsFromState({
        q: typeof viewQ === 'string' ? viewQ : '',
        sort: isSort(view.sort) ? view.sort : 'created_desc',
        filters,
        viewId: view.id,
      }),
      { replace: false },
    );
    setColumns(visibleColumns(view.columns));
  };
  const savedFilters = state.q ? { ...state.filters, q: state.q } : state.filters;
  const selectable = can('customers', 'update') || can('customers', 'export');

  return (
    <>
      <PageHeader
        title={t('customers.title')}
        description={t('customers.subtitle')}
        actions={
          <>
            <ExportMenu query={query} />
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
            value={state.sort}
            onChange={(value) => isSort(value) && setState({ sort: value })}
            allowDeselect={false}
            w={200}
            data-testid="customer-sort"
          />
          <ViewsMenu
            current={{ filters: savedFilters, sort: state.sort, columns }}
            activeId={state.viewId}
            onPick={pickView}
            onSaved={(view) => setState({ viewId: view.id })}
            onDeleted={() => setState({ viewId: null })}
          />
          <ColumnsMenu value={columns} onChange={setColumns} />
        </Group>
        <CustomerFilters value={filterValues(state.filters)} onChange={(v) => setState({ filters: flatFilters(v) })} />
        <ProblemAlert error={list.error} />
        {showAllBanner && (
          <Alert color="blue" variant="light" py="xs" mb="sm" data-testid="select-all-banner">
            <Group gap="xs">
              <Text size="sm">
                {selection.allMatching
                  ? tl('select.allMatchingChosen', { count: matched ?? rows.length })
                  : tl('select.loadedChosen', { count: rows.length })}
              </Text>
              {!selection.allMatching && (
                <Anchor
                  component="button"
                  size="sm"
                  onClick={selection.selectAllMatching}
                  data-testid="select-all-matching"
                >
                  {matched === null ? tl('select.allMatching') : tl('select.allMatchingCount', { count: matched })}
                </Anchor>
              )}
            </Group>
          </Alert>
        )}
        {selection.any && (
          <BulkBar
            count={selection.allMatching ? matched : selection.count}
            target={selection.allMatching ? { filter: bulkFilter } : { ids: [...selection.ids] }}
            pickedRows={rows.filter((r) => selection.ids.has(r.id))}
            exportQuery={query}
            onClear={selection.clear}
          />
        )}
        <CustomersTable
          customers={rows}
          columns={columns}
          total={list.hasNextPage ? matched : rows.length}
          hasMore={Boolean(list.hasNextPage)}
          loadingMore={list.isFetchingNextPage}
          loading={list.isFetching}
          failed={list.isError}
          onLoadMore={() => void list.fetchNextPage()}
          selection={{
            enabled: selectable,
            isSelected: selection.isSelected,
            allLoadedSelected: selection.allLoadedSelected,
            someSelected: selection.any,
            toggle: selection.toggle,
            toggleLoaded: selection.toggleLoaded,
          }}
        />
        <Text
          size="xs"
          c="dimmed"
          mt="xs"
          data-testid="customers-loaded"
          data-complete={!list.hasNextPage && !list.isFetching}
        >
          {list.hasNextPage
            ? tl('list.loadedMore', { count: rows.length })
            : tl('list.loadedAll', { count: rows.length })}
        </Text>
      </Paper>
      <CustomerFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        onSaved={(created) => navigate(`/customers/${created.id}`)}
      />
    </>
  );
}
