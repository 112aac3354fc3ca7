import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Lead } from './leads-api.ts';
import { ScoreBadge } from './ScoreBadge.tsx';

/** The score, what made it (each rule with its points after decay), and the learned chance. */
export function ScoreReasons({ lead }: { lead: Lead }) {
  const { t } = useTranslation('leads');
  return (
    <Stack gap="xs" data-testid="lead-score-reasons">
      <Group justify="space-between">
        <Text fw={600}>{t('drawer.scoreTitle')}</Text>
        <ScoreBadge score={lead.score} modelScore={lead.modelScore} />
      </Group>
      <Progress value={lead.score} size="sm" />
      {lead.scoreReasons.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('drawer.noReasons')}
        </Text>
      ) : (
        lead.scoreReasons.map((r) => (
          <Group key={r.ruleId} justify="space-between" wrap="nowrap" data-testid="lead-score-reason">
            <div>
              <Text size="sm">{r.name}</Text>
              <Text size="xs" c="dimmed">
                {r.kind === 'fit' ? t('drawer.fit') : t('drawer.behaviour')}
                {r.events ? ` · ${t('drawer.events', { count: r.events })}` : ''}
              </Text>
            </div>
            <Text size="sm" fw={600} c={r.decayedPoints < 0 ? 'red' : undefined} style={{ whiteSpace: 'nowrap' }}>
              {r.decayedPoints > 0 ? '+' : ''}
              {r.decayedPoints}
              {r.kind === 'behaviour' && (
                <Text span size="xs" c="dimmed" fw={400}>
                  {' '}
                  ({t('drawer.full', { points: r.points })})
                </Text>
              )}
            </Text>
          </Group>
        ))
      )}
      <Text size="xs" c="dimmed">
        {lead.modelScore === null ? t('drawer.noModel') : t('drawer.learned', { value: lead.modelScore })}
      </Text>
    </Stack>
  );
}
