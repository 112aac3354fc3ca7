import { Badge, Group, Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../format/use-formatters.ts';
import type { LadderHistoryEntry } from './ladder-api.ts';
import { StageBadge } from './StageBadge.tsx';

/** Each change of stage, newest first: from → to, how, who and why. */
export function LadderHistory({ entries }: { entries: LadderHistoryEntry[] }) {
  const { t } = useTranslation('ladder');
  const format = useFormatters();
  if (entries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('profile.noHistory')}
      </Text>
    );
  }
  return (
    <Timeline bulletSize={14} lineWidth={2} data-testid="ladder-history">
      {entries.map((e) => (
        <Timeline.Item
          key={e.id}
          title={
            <Group gap={6} wrap="wrap">
              {e.fromStage && (
                <>
                  <StageBadge stage={e.fromStage} size="sm" variant="outline" />
                  <Text span size="sm" c="dimmed">
                    →
                  </Text>
                </>
              )}
              <StageBadge stage={e.toStage} size="sm" />
            </Group>
          }
        >
          <Stack gap={2}>
            <Group gap={6}>
              <Text size="xs" c="dimmed">
                {format.dateTime(e.at)}
              </Text>
              <Badge size="xs" variant="default" tt="none">
                {t(`sources.${e.source}`)}
              </Badge>
              {e.actorName && (
                <Text size="xs" c="dimmed">
                  {e.actorName}
                </Text>
              )}
            </Group>
            {e.reason && <Text size="sm">{e.reason}</Text>}
          </Stack>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
