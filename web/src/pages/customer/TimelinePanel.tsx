import { Badge, Button, Center, Group, Loader, Select, Stack, Text, ThemeIcon, Timeline } from '@mantine/core';
import {
  IconArrowsJoin,
  IconCalendarEvent,
  IconFileImport,
  IconFingerprint,
  IconMail,
  IconMessage,
  IconNote,
  IconPhone,
  IconPoint,
  IconShieldCheck,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type ComponentType, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useFormatters } from '../../format/use-formatters.ts';
import { useLabel, useTimeline } from '../../queries/customers.ts';
import { customerApi } from '../../queries/customers-api.ts';
import { TIMELINE_KINDS } from '../../queries/customers-types.ts';
import { LogActivityForm } from './LogActivityForm.tsx';
import { timelineSummary } from './timeline-summary.ts';

const ICONS: Record<string, ComponentType<{ size?: number }>> = {
  note: IconNote,
  call: IconPhone,
  meeting: IconCalendarEvent,
  email: IconMail,
  message: IconMessage,
  consent: IconShieldCheck,
  identity_match: IconFingerprint,
  merge: IconArrowsJoin,
  import: IconFileImport,
};

/** Everything that happened to the customer, newest first, with a form to log a note, call or meeting. */
export function TimelinePanel({ customerId, editable }: { customerId: string; editable: boolean }) {
  const { t, i18n } = useTranslation('profile');
  const format = useFormatters();
  const label = useLabel();
  const [kind, setKind] = useState<string | null>(null);
  const timeline = useTimeline(customerId, kind);
  const purposes = useQuery({ queryKey: ['consent', 'purposes'], queryFn: customerApi.purposes, staleTime: 60_000 });
  const purposeName = (code: string) => {
    const purpose = purposes.data?.items.find((p) => p.code === code);
    return purpose ? label(purpose) : code;
  };
  const entries = timeline.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack>
      {editable && <LogActivityForm customerId={customerId} />}
      <Group justify="space-between">
        <Text fw={600}>{t('timeline.title')}</Text>
        <Select
          aria-label={t('timeline.title')}
          data={[
            { value: '', label: t('timeline.allKinds') },
            ...TIMELINE_KINDS.map((k) => ({ value: k, label: t(`timeline.kinds.${k}`) })),
          ]}
          value={kind ?? ''}
          onChange={(value) => setKind(value || null)}
          allowDeselect={false}
          w={200}
          data-testid="timeline-kind"
        />
      </Group>
      <ProblemAlert error={timeline.error} />
      {timeline.isPending && (
        <Center h={80}>
          <Loader size="sm" />
        </Center>
      )}
      {!timeline.isPending && entries.length === 0 && !timeline.isError && (
        <Text c="dimmed" size="sm">
          {t('timeline.empty')}
        </Text>
      )}
      <Timeline bulletSize={28} lineWidth={2} data-testid="timeline">
        {entries.map((entry) => {
          const Icon = ICONS[entry.kind] ?? IconPoint;
          const summary = timelineSummary(entry, t, i18n.language, purposeName);
          return (
            <Timeline.Item
              key={entry.id}
              data-testid="timeline-entry"
              data-kind={entry.kind}
              bullet={
                <ThemeIcon size={28} radius="xl" variant="light">
                  <Icon size={16} />
                </ThemeIcon>
              }
              title={
                <Group gap="xs" wrap="wrap">
                  <Badge size="sm" variant="light">
                    {t(`timeline.kinds.${entry.kind}` as 'timeline.kinds.note', { defaultValue: entry.kind })}
                  </Badge>
                  <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                    {summary}
                  </Text>
                </Group>
              }
            >
              {entry.body && entry.kind !== 'consent' && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {entry.body}
                </Text>
              )}
              <Text size="xs" c="dimmed" mt={2}>
                {format.dateTime(entry.occurredAt)}
                {entry.actorName ? ` · ${t('timeline.by', { name: entry.actorName })}` : ''}
              </Text>
            </Timeline.Item>
          );
        })}
      </Timeline>
      {timeline.hasNextPage && (
        <Button variant="default" onClick={() => void timeline.fetchNextPage()} loading={timeline.isFetchingNextPage}>
          {t('timeline.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
