import { Group, Paper, Stack, Switch, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LadderStage } from './ladder-api.ts';
import { StageBadge } from './StageBadge.tsx';

/** One rung's rule: a switch to use it, and its thresholds. */
export function RungCard({
  stage,
  enabled,
  onEnabled,
  disabled,
  children,
}: {
  stage: LadderStage;
  enabled: boolean;
  onEnabled: (value: boolean) => void;
  disabled: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation('ladder');
  return (
    <Paper withBorder radius="md" p="md" data-testid={`rule-${stage}`}>
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Group gap="sm">
          <StageBadge stage={stage} size="lg" />
          <Text size="sm" c="dimmed">
            {t(`stageHints.${stage}`)}
          </Text>
        </Group>
        <Switch
          label={t('rules.enabled')}
          checked={enabled}
          disabled={disabled}
          onChange={(e) => onEnabled(e.currentTarget.checked)}
        />
      </Group>
      <Stack gap="sm" opacity={enabled ? 1 : 0.5}>
        {children}
      </Stack>
    </Paper>
  );
}
