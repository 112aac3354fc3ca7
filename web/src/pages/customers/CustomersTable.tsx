import { Anchor, Badge, Center, Checkbox, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type CSSProperties, type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatPhone } from '../../format/phone.ts';
import { useFormatters } from '../../format/use-formatters.ts';
import { useUserOptions } from '../../queries/customers.ts';
import type { CustomerProfile } from '../../queries/customers-types.ts';
import { COLUMN_WIDTH, type ListColumn, tableMinWidth } from './list-columns.ts';

/** Rows kept in the DOM above and below the visible ones, so fast scrolling shows no gaps. */
const OVERSCAN = 12;
/** Start loading the next page this many rows before the end. */
const PREFETCH = 40;

export interface Selection {
  enabled: boolean;
  isSelected: (id: string) => boolean;
  allLoadedSelected: boolean;
  someSelected: boolean;
  toggle: (id: string) => void;
  toggleLoaded: () => void;
}

function englishName(customer: CustomerProfile): string {
  return [customer.firstNameEn, customer.lastNameEn].filter(Boolean).join(' ');
}

function cellStyle(column: ListColumn | 'select'): CSSProperties {
  const { min, grow } = COLUMN_WIDTH[column];
  return { flex: `${grow} 0 ${min}px`, minWidth: min, display: 'flex', alignItems: 'center', overflow: 'hidden' };
}

/**
 * The customer list, virtualised: only the rows in view (plus a margin) are in the DOM, so
 * it scrolls smoothly through 100k+ customers; more pages load as the end comes near. The
 * table keeps its roles and aria-rowcount/aria-rowindex so screen readers know where they are.
 */
export function CustomersTable({
  customers,
  columns,
  total,
  hasMore,
  loadingMore,
  loading,
  failed,
  onLoadMore,
  selection,
}: {
  customers: CustomerProfile[];
  columns: ListColumn[];
  total: number | null;
  hasMore: boolean;
  loadingMore: boolean;
  loading: boolean;
  failed: boolean;
  onLoadMore: () => void;
  selection: Selection;
}) {
  const { t } = useTranslation();
  const { t: tp } = useTranslation('profile');
  const { t: tl } = useTranslation('lists');
  const format = useFormatters();
  const users = useUserOptions();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: customers.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 58,
    overscan: OVERSCAN,
    getItemKey: (index) => customers[index]?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= customers.length - PREFETCH) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, customers.length, onLoadMore]);

  const header: Record<ListColumn, string> = {
    name: t('customers.columns.name'),
    type: tp('list.columns.type'),
    phone: t('customers.columns.phone'),
    email: t('customers.columns.email'),
    lineId: t('customers.columns.lineId'),
    owner: tp('list.columns.owner'),
    tags: t('customers.columns.tags'),
    createdAt: t('customers.columns.createdAt'),
  };
  const cell = (customer: CustomerProfile, column: ListColumn): ReactNode => {
    switch (column) {
      case 'name':
        return (
          <Stack gap={0} miw={0}>
            <Text size="sm" fw={500} truncate>
              <Anchor component={Link} to={`/customers/${customer.id}`} inherit>
                {customer.displayName}
              </Anchor>
              {customer.nickname && (
                <Text span c="dimmed" size="sm">
                  {' '}
                  ({customer.nickname})
                </Text>
              )}
            </Text>
            {englishName(customer) && (
              <Text size="xs" c="dimmed" truncate>
                {englishName(customer)}
              </Text>
            )}
          </Stack>
        );
      case 'type':
        return <Text size="sm">{customer.kind === 'company' ? tp('kinds.company') : tp('kinds.person')}</Text>;
      case 'phone':
        return (
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {formatPhone(customer.phone)}
          </Text>
        );
      case 'email':
        return (
          <Text size="sm" truncate>
            {customer.email ?? '—'}
          </Text>
        );
      case 'lineId':
        return (
          <Text size="sm" truncate>
            {customer.lineId ?? '—'}
          </Text>
        );
      case 'owner':
        return (
          <Text size="sm" truncate>
            {users.nameOf(customer.ownerId) ?? '—'}
          </Text>
        );
      case 'tags':
        return (
          <Group gap={4}>
            {customer.tags.map((tag) => (
              <Badge key={tag} size="sm" variant="light" color="grape">
                {tag}
              </Badge>
            ))}
          </Group>
        );
      case 'createdAt':
        return (
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {format.date(customer.createdAt)}
          </Text>
        );
    }
  };

  const rowStyle: CSSProperties = { display: 'flex', width: '100%' };
  // The header row counts; -1 tells assistive tech the total is not known yet.
  const rowCount = total !== null ? total + 1 : hasMore ? -1 : customers.length + 1;

  return (
    <div
      ref={scrollRef}
      style={{ height: 'max(420px, calc(100vh - 330px))', overflow: 'auto', position: 'relative' }}
      data-testid="customers-scroll"
    >
      <Table
        highlightOnHover
        verticalSpacing="xs"
        data-testid="customers-table"
        role="table"
        aria-rowcount={rowCount}
        aria-label={t('customers.title')}
        style={{ display: 'grid', minWidth: tableMinWidth(columns, selection.enabled) }}
      >
        <Table.Thead
          role="rowgroup"
          style={{ display: 'grid', position: 'sticky', top: 0, zIndex: 2, background: 'var(--mantine-color-body)' }}
        >
          <Table.Tr role="row" aria-rowindex={1} style={rowStyle}>
            {selection.enabled && (
              <Table.Th role="columnheader" style={cellStyle('select')}>
                <Checkbox
                  aria-label={tl('select.loaded')}
                  checked={selection.allLoadedSelected}
                  indeterminate={selection.someSelected && !selection.allLoadedSelected}
                  onChange={selection.toggleLoaded}
                  data-testid="select-loaded"
                />
              </Table.Th>
            )}
            {columns.map((column) => (
              <Table.Th key={column} role="columnheader" style={cellStyle(column)}>
                {header[column]}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody
          role="rowgroup"
          style={{
            display: 'grid',
            position: 'relative',
            height: customers.length ? virtualizer.getTotalSize() : 'auto',
          }}
        >
          {customers.length === 0 && (
            <Table.Tr role="row" style={rowStyle}>
              <Table.Td role="cell" style={{ flex: 1 }}>
                <Center py="xl">
                  {loading ? (
                    <Loader size="sm" />
                  ) : (
                    <Text c="dimmed">{failed ? t('common.loadFailed') : t('customers.empty')}</Text>
                  )}
                </Center>
              </Table.Td>
            </Table.Tr>
          )}
          {items.map((item) => {
            const customer = customers[item.index];
            if (!customer) return null;
            const selected = selection.isSelected(customer.id);
            return (
              <Table.Tr
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                data-customer-id={customer.id}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={selection.enabled ? selected : undefined}
                bg={selected ? 'var(--mantine-primary-color-light)' : undefined}
                style={{ ...rowStyle, position: 'absolute', top: 0, left: 0, transform: `translateY(${item.start}px)` }}
              >
                {selection.enabled && (
                  <Table.Td role="cell" style={cellStyle('select')}>
                    <Checkbox
                      aria-label={tl('select.one', { name: customer.displayName })}
                      checked={selected}
                      onChange={() => selection.toggle(customer.id)}
                      data-testid="select-row"
                    />
                  </Table.Td>
                )}
                {columns.map((column) => (
                  <Table.Td key={column} role="cell" style={cellStyle(column)}>
                    {cell(customer, column)}
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {loadingMore && (
        <Center py="xs" data-testid="customers-loading-more">
          <Loader size="xs" />
        </Center>
      )}
    </div>
  );
}
