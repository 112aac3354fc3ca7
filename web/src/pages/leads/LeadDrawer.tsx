import {
  Anchor,
  Badge,
  Button,
  Divider,
  Drawer,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usersApi } from '../../api/endpoints.ts';
import { useSession } from '../../auth/session-context.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatPhone } from '../../format/phone.ts';
import { useFormatters } from '../../format/use-formatters.ts';
import { ConvertLeadModal } from './ConvertLeadModal.tsx';
import { LeadDuplicates } from './LeadDuplicates.tsx';
import { LEAD_EVENT_KINDS, type LeadEventKind, type LeadStatus, leadApi, leadKeys, STATUS_COLOR } from './leads-api.ts';
import { DisqualifyModal } from './ReasonModal.tsx';
import { ScoreReasons } from './ScoreReasons.tsx';

function Field({ label, value }: { label: string; value: string | null }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
        {value || '—'}
      </Text>
    </div>
  );
}

/** One lead: details, score with reasons, activity; qualify, disqualify, log activity, convert. */
export function LeadDrawer({ leadId, onClose }: { leadId: string; onClose: () => void }) {
  const { t } = useTranslation('leads');
  const fmt = useFormatters();
  const { can, scopeOf } = useSession();
  const queryClient = useQueryClient();
  const [dq, setDq] = useState(false);
  const [converting, setConverting] = useState(false);
  const [kind, setKind] = useState<LeadEventKind>('call');
  const [detail, setDetail] = useState('');
  const lead = useQuery({ queryKey: [...leadKeys.all, 'one', leadId], queryFn: () => leadApi.get(leadId) });
  const events = useQuery({ queryKey: [...leadKeys.all, 'events', leadId], queryFn: () => leadApi.events(leadId) });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: leadKeys.all });
  const status = useMutation({
    mutationFn: (a: { status: Exclude<LeadStatus, 'converted'>; reason?: string }) =>
      leadApi.setStatus(leadId, a.status, a.reason),
    onSuccess: () => {
      setDq(false);
      refresh();
    },
  });
  const log = useMutation({
    mutationFn: () =>
      leadApi.logEvent(leadId, { kind, ...(detail.trim() ? { properties: { text: detail.trim() } } : {}) }),
    onSuccess: () => {
      setDetail('');
      refresh();
    },
  });
  const convert = useMutation({
    mutationFn: (a: { customerId?: string; deal?: { title: string; valueSatang?: number } }) =>
      leadApi.convert(leadId, a),
    onSuccess: () => {
      setConverting(false);
      refresh();
    },
  });
  const assigns = can('sales', 'update') && scopeOf('sales') !== 'own';
  const users = useQuery({
    queryKey: ['users', 'all'],
    queryFn: () => usersApi.list({ limit: 200 }),
    enabled: assigns,
  });
  const reassign = useMutation({
    mutationFn: (ownerId: string) => leadApi.update(leadId, { ownerId }),
    onSuccess: refresh,
  });
  const l = lead.data;
  const editable = can('sales', 'update');
  const open = l && l.status !== 'converted';

  return (
    <Drawer opened onClose={onClose} position="right" size="xl" title={t('lead.detail')}>
      <ProblemAlert error={lead.error ?? status.error ?? log.error ?? reassign.error} />
      {l && (
        <Stack data-testid="lead-detail">
          <Group justify="space-between" align="flex-start">
            <div>
              <Text fw={600} size="lg">
                {l.displayName}
              </Text>
              {l.company && l.company !== l.displayName && <Text size="sm">{l.company}</Text>}
            </div>
            <Badge color={STATUS_COLOR[l.status]} size="lg" variant="light" data-testid="lead-status">
              {t(`lead.statuses.${l.status}`)}
            </Badge>
          </Group>
          <LeadDuplicates duplicates={l.duplicates ?? []} />
          <SimpleGrid cols={{ base: 2, sm: 3 }}>
            <Field label={t('lead.email')} value={l.email} />
            <Field label={t('lead.phone')} value={l.phone ? formatPhone(l.phone) : null} />
            <Field label={t('lead.lineId')} value={l.lineId} />
            <Field label={t('lead.province')} value={l.province} />
            <Field
              label={t('lead.source')}
              value={`${t(`lead.sources.${l.source}`)}${l.sourceDetail ? ` · ${l.sourceDetail}` : ''}`}
            />
            <Field
              label={t('lead.owner')}
              value={`${l.ownerName ?? t('lead.noOwner')}${l.assignedByRuleId ? ` (${t('lead.byRule')})` : ''}`}
            />
            <Field label={t('lead.jobTitle')} value={l.jobTitle} />
            <Field label={t('lead.created')} value={fmt.dateTime(l.createdAt)} />
          </SimpleGrid>
          {assigns && open && (
            <Select
              label={t('drawer.assignTo')}
              data={(users.data?.items ?? [])
                .filter((u) => u.status === 'active')
                .map((u) => ({ value: u.id, label: u.name }))}
              value={l.ownerId}
              onChange={(v) => v && v !== l.ownerId && reassign.mutate(v)}
              searchable
              allowDeselect={false}
              w={260}
              data-testid="lead-owner"
            />
          )}
          {l.status === 'disqualified' && <Field label={t('lead.disqualifyReason')} value={l.disqualifyReason} />}
          {l.notes && <Field label={t('lead.notes')} value={l.notes} />}
          {l.status === 'converted' && (
            <Group data-testid="lead-converted">
              <Text size="sm">{t('drawer.convertedOn', { date: fmt.dateTime(l.convertedAt) })}</Text>
              {l.convertedCustomerId && (
                <Anchor component={Link} to={`/customers/${l.convertedCustomerId}`} size="sm">
                  {t('drawer.openCustomer')}
                </Anchor>
              )}
              {l.convertedDealId && (
                <Anchor component={Link} to={`/sales/deals?deal=${l.convertedDealId}`} size="sm">
                  {t('drawer.openDeal')}
                </Anchor>
              )}
            </Group>
          )}
          {editable && open && (
            <Group gap="xs">
              {l.status === 'new' && (
                <Button variant="light" onClick={() => status.mutate({ status: 'contacted' })}>
                  {t('drawer.markContacted')}
                </Button>
              )}
              {(l.status === 'new' || l.status === 'contacted') && (
                <Button variant="light" color="teal" onClick={() => status.mutate({ status: 'qualified' })}>
                  {t('drawer.qualify')}
                </Button>
              )}
              {l.status === 'disqualified' ? (
                <Button variant="default" onClick={() => status.mutate({ status: 'new' })}>
                  {t('drawer.reopen')}
                </Button>
              ) : (
                <>
                  <Button variant="light" color="red" onClick={() => setDq(true)}>
                    {t('drawer.disqualify')}
                  </Button>
                  <Button onClick={() => setConverting(true)} data-testid="lead-convert">
                    {t('drawer.convert')}
                  </Button>
                </>
              )}
            </Group>
          )}
          <Divider />
          <ScoreReasons lead={l} />
          <Divider label={t('drawer.events')} labelPosition="left" />
          {editable && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                log.mutate();
              }}
            >
              <Group align="flex-end" gap="xs">
                <Select
                  label={t('drawer.logEvent')}
                  data={LEAD_EVENT_KINDS.map((k) => ({ value: k, label: t(`drawer.eventKinds.${k}`) }))}
                  value={kind}
                  onChange={(v) => v && setKind(v as LeadEventKind)}
                  allowDeselect={false}
                  w={200}
                  data-testid="lead-event-kind"
                />
                <TextInput
                  label={t('drawer.eventText')}
                  value={detail}
                  onChange={(e) => setDetail(e.currentTarget.value)}
                  style={{ flex: 1 }}
                  maxLength={2000}
                />
                <Button type="submit" variant="light" loading={log.isPending} data-testid="lead-event-log">
                  {t('drawer.log')}
                </Button>
              </Group>
            </form>
          )}
          <Stack gap={6} data-testid="lead-events">
            {(events.data ?? []).length === 0 && (
              <Text size="sm" c="dimmed">
                {t('drawer.noEvents')}
              </Text>
            )}
            {(events.data ?? []).map((e) => (
              <Group key={e.id} justify="space-between" wrap="nowrap">
                <Text size="sm">
                  {t(`drawer.eventKinds.${e.kind}`)}
                  {typeof e.properties.text === 'string' || typeof e.properties.url === 'string' ? (
                    <Text span size="sm" c="dimmed">
                      {' — '}
                      {String(e.properties.text ?? e.properties.url)}
                    </Text>
                  ) : null}
                </Text>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {fmt.dateTime(e.occurredAt)}
                </Text>
              </Group>
            ))}
          </Stack>
        </Stack>
      )}
      {dq && (
        <DisqualifyModal
          busy={status.isPending}
          onCancel={() => setDq(false)}
          onConfirm={(reason) => status.mutate({ status: 'disqualified', reason })}
        />
      )}
      {converting && l && (
        <ConvertLeadModal
          lead={l}
          busy={convert.isPending}
          error={convert.error}
          onCancel={() => setConverting(false)}
          onConfirm={(choice) => convert.mutate(choice)}
        />
      )}
    </Drawer>
  );
}
