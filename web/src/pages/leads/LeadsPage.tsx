import { Badge, Button, Group, NumberInput, Paper, Select, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCopy, IconFileImport, IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useSession } from '../../auth/session-context.ts';
import { CursorPager } from '../../components/CursorPager.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TableState } from '../../components/TableState.tsx';
import { formatPhone } from '../../format/phone.ts';
import { useFormatters } from '../../format/use-formatters.ts';
import { LeadCreateModal } from './LeadCreateModal.tsx';
import { LeadDrawer } from './LeadDrawer.tsx';
import { LeadImportModal } from './LeadImportModal.tsx';
import {
  LEAD_SOURCES,
  LEAD_STATUSES,
  type LeadSource,
  type LeadStatus,
  leadApi,
  leadKeys,
  STATUS_COLOR,
} from './leads-api.ts';
import { ScoreBadge } from './ScoreBadge.tsx';

/** Leads the user may see, filtered by status, source, owner, score and text; a row opens the lead. */
export function LeadsPage() {
  const { t } = useTranslation('leads');
  const fmt = useFormatters();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? undefined) as LeadStatus | undefined;
  const source = (params.get('source') ?? undefined) as LeadSource | undefined;
  const owner = params.get('owner') ?? undefined;
  const sort = (params.get('sort') ?? 'recent') as 'recent' | 'score';
  const open = params.get('lead');
  const [text, setText] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(text.trim(), 300);
  const [minScore, setMinScore] = useState<number | undefined>(undefined);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [pageSize, setPageSize] = useState(50);
  const cursor = cursors[cursors.length - 1];
  const leads = useQuery({
    queryKey: [...leadKeys.all, 'list', status, source, owner, sort, q, minScore, cursor, pageSize],
    queryFn: () =>
      leadApi.list({
        status,
        source,
        ownerId: owner,
        sort,
        ...(q ? { q } : {}),
        ...(minScore ? { minScore } : {}),
        cursor,
        limit: pageSize,
      }),
  });
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
    if (key !== 'lead') setCursors([undefined]);
  };
  const items = leads.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={t('list.subtitle')}
        actions={
          can('sales', 'create') && (
            <Group gap="xs">
              <Button
                variant="default"
                leftSection={<IconFileImport size={16} />}
                onClick={() => setImporting(true)}
                data-testid="lead-import"
              >
                {t('import.button')}
              </Button>
              <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="lead-new">
                {t('list.new')}
              </Button>
            </Group>
          )
        }
      />
      <Paper withBorder radius="md" p="md">
        <Group mb="md" wrap="wrap">
          <TextInput
            aria-label={t('list.search')}
            placeholder={t('list.search')}
            leftSection={<IconSearch size={16} />}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              setCursors([undefined]);
            }}
            w={260}
          />
          <Select
            aria-label={t('lead.status')}
            placeholder={t('list.anyStatus')}
            data={LEAD_STATUSES.map((s) => ({ value: s, label: t(`lead.statuses.${s}`) }))}
            value={status ?? null}
            onChange={(v) => setParam('status', v)}
            clearable
            w={170}
          />
          <Select
            aria-label={t('lead.source')}
            placeholder={t('list.anySource')}
            data={LEAD_SOURCES.map((s) => ({ value: s, label: t(`lead.sources.${s}`) }))}
            value={source ?? null}
            onChange={(v) => setParam('source', v)}
            clearable
            w={170}
          />
          <Select
            aria-label={t('lead.owner')}
            placeholder={t('list.anyOwner')}
            data={[
              { value: 'me', label: t('list.mine') },
              { value: 'none', label: t('list.unassigned') },
            ]}
            value={owner ?? null}
            onChange={(v) => setParam('owner', v)}
            clearable
            w={170}
          />
          <NumberInput
            aria-label={t('list.minScore')}
            placeholder={t('list.minScore')}
            min={0}
            max={100}
            value={minScore ?? ''}
            onChange={(v) => {
              setMinScore(typeof v === 'number' && v > 0 ? v : undefined);
              setCursors([undefined]);
            }}
            w={140}
          />
          <Select
            aria-label={t('list.sortScore')}
            data={[
              { value: 'recent', label: t('list.sortRecent') },
              { value: 'score', label: t('list.sortScore') },
            ]}
            value={sort}
            onChange={(v) => setParam('sort', v === 'score' ? 'score' : null)}
            allowDeselect={false}
            w={180}
          />
        </Group>
        <ProblemAlert error={leads.error} />
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover verticalSpacing="sm" data-testid="leads-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('lead.score')}</Table.Th>
                <Table.Th>{t('lead.name')}</Table.Th>
                <Table.Th>{t('lead.contact')}</Table.Th>
                <Table.Th>{t('lead.province')}</Table.Th>
                <Table.Th>{t('lead.source')}</Table.Th>
                <Table.Th>{t('lead.status')}</Table.Th>
                <Table.Th>{t('lead.owner')}</Table.Th>
                <Table.Th>{t('lead.created')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.length === 0 && (
                <TableState columns={8} loading={leads.isFetching} failed={leads.isError} empty={t('list.empty')} />
              )}
              {items.map((l) => (
                <Table.Tr key={l.id} style={{ cursor: 'pointer' }} onClick={() => setParam('lead', l.id)}>
                  <Table.Td>
                    <ScoreBadge score={l.score} modelScore={l.modelScore} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" fw={500}>
                        {l.displayName}
                      </Text>
                      {(l.duplicates ?? []).length > 0 && (
                        <Tooltip label={(l.duplicates ?? []).map((d) => d.name).join(', ')}>
                          <Badge
                            color="orange"
                            variant="light"
                            size="sm"
                            leftSection={<IconCopy size={12} />}
                            data-testid="lead-duplicate-flag"
                          >
                            {t('duplicates.flag')}
                          </Badge>
                        </Tooltip>
                      )}
                    </Group>
                    {l.company && l.company !== l.displayName && (
                      <Text size="xs" c="dimmed">
                        {l.company}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{l.email ?? (l.phone ? formatPhone(l.phone) : null) ?? l.lineId ?? '—'}</Text>
                  </Table.Td>
                  <Table.Td>{l.province ?? '—'}</Table.Td>
                  <Table.Td>{t(`lead.sources.${l.source}`)}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[l.status]} variant="light">
                      {t(`lead.statuses.${l.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{l.ownerName ?? t('lead.noOwner')}</Table.Td>
                  <Table.Td>{fmt.date(l.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <CursorPager
          pageIndex={cursors.length - 1}
          hasNext={Boolean(leads.data?.nextCursor)}
          pageSize={pageSize}
          loading={leads.isFetching}
          onPrevious={() => setCursors((c) => c.slice(0, -1))}
          onNext={() => setCursors((c) => [...c, leads.data?.nextCursor ?? undefined])}
          onPageSize={(size) => {
            setPageSize(size);
            setCursors([undefined]);
          }}
        />
      </Paper>
      {importing && <LeadImportModal onClose={() => setImporting(false)} />}
      {creating && <LeadCreateModal onClose={() => setCreating(false)} onCreated={(id) => setParam('lead', id)} />}
      {open && <LeadDrawer leadId={open} onClose={() => setParam('lead', null)} />}
    </>
  );
}
