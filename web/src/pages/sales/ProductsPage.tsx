import { Badge, Button, Group, Paper, SegmentedControl, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session-context.ts';
import { CursorPager } from '../../components/CursorPager.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TableState } from '../../components/TableState.tsx';
import { useFormatters } from '../../format/use-formatters.ts';
import { useLabel } from '../../queries/customers.ts';
import { productApi, salesKeys } from '../../queries/sales-api.ts';
import type { Product } from '../../queries/sales-types.ts';
import { ProductModal } from './ProductModal.tsx';

type Show = 'true' | 'false' | 'all';

/** The catalogue: everyone in sales reads it; managers and admins change it. */
export function ProductsPage() {
  const { t } = useTranslation('sales');
  const { t: tc } = useTranslation();
  const { can, scopeOf } = useSession();
  const label = useLabel();
  const fmt = useFormatters();
  const queryClient = useQueryClient();
  // Staff who change only their own sales records see prices but do not set them (as the server rules).
  const editable = can('sales', 'update') && scopeOf('sales') !== 'own';
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const [show, setShow] = useState<Show>('true');
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [pageSize, setPageSize] = useState(50);
  const cursor = cursors[cursors.length - 1];
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const products = useQuery({
    queryKey: [...salesKeys.products, debounced, show, cursor, pageSize],
    queryFn: () => productApi.list({ q: debounced || undefined, active: show, cursor, limit: pageSize }),
  });
  const toggle = useMutation({
    mutationFn: (p: Product) => productApi.update(p.id, { active: !p.active }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: salesKeys.products }),
  });
  const items = products.data?.items ?? [];
  const resetPages = () => setCursors([undefined]);

  return (
    <>
      <PageHeader
        title={t('products.title')}
        description={t('products.subtitle')}
        actions={
          editable && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              {t('products.add')}
            </Button>
          )
        }
      />
      <Paper withBorder radius="md" p="md">
        <Group mb="md" wrap="wrap">
          <TextInput
            leftSection={<IconSearch size={16} />}
            placeholder={t('products.search')}
            aria-label={t('products.search')}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              resetPages();
            }}
            w={280}
          />
          <SegmentedControl
            value={show}
            onChange={(v) => {
              setShow(v as Show);
              resetPages();
            }}
            data={[
              { value: 'true', label: t('products.activeOnly') },
              { value: 'false', label: t('products.archivedOnly') },
              { value: 'all', label: t('products.all') },
            ]}
          />
        </Group>
        <ProblemAlert error={products.error ?? toggle.error} />
        <Table.ScrollContainer minWidth={760}>
          <Table striped verticalSpacing="sm" data-testid="products-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('products.sku')}</Table.Th>
                <Table.Th>{t('products.name')}</Table.Th>
                <Table.Th>{t('products.category')}</Table.Th>
                <Table.Th ta="right">{t('products.price')}</Table.Th>
                <Table.Th>{t('products.vat')}</Table.Th>
                <Table.Th>{t('products.status')}</Table.Th>
                {editable && <Table.Th>{tc('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.length === 0 && (
                <TableState
                  columns={editable ? 7 : 6}
                  loading={products.isFetching}
                  failed={products.isError}
                  empty={t('products.empty')}
                />
              )}
              {items.map((p) => (
                <Table.Tr key={p.id} style={p.active ? undefined : { opacity: 0.6 }}>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {p.sku}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {label({ nameTh: p.nameTh, nameEn: p.nameEn ?? undefined })}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`products.kinds.${p.kind}`)}
                      {p.unit ? ` · ${p.unit}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>{p.category ?? '—'}</Table.Td>
                  <Table.Td ta="right">{fmt.money(p.unitPriceSatang, p.currency)}</Table.Td>
                  <Table.Td>
                    <Text size="xs">{t(`products.vatModes.${p.vatMode}`)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={p.active ? 'teal' : 'gray'} variant="light">
                      {p.active ? t('products.active') : t('products.archived')}
                    </Badge>
                  </Table.Td>
                  {editable && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button size="xs" variant="subtle" onClick={() => setEditing(p)}>
                          {tc('common.edit')}
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color={p.active ? 'gray' : 'teal'}
                          loading={toggle.isPending && toggle.variables?.id === p.id}
                          onClick={() => toggle.mutate(p)}
                        >
                          {p.active ? t('products.archive') : t('products.restore')}
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <CursorPager
          pageIndex={cursors.length - 1}
          hasNext={Boolean(products.data?.nextCursor)}
          pageSize={pageSize}
          loading={products.isFetching}
          onPrevious={() => setCursors((c) => c.slice(0, -1))}
          onNext={() => setCursors((c) => [...c, products.data?.nextCursor ?? undefined])}
          onPageSize={(size) => {
            setPageSize(size);
            resetPages();
          }}
        />
      </Paper>
      {editing && <ProductModal product={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
