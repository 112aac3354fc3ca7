import { Badge, Group, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { scoreColor } from './leads-api.ts';

/** The rule score as a coloured badge, with the learned chance beside it when a model exists. */
export function ScoreBadge({ score, modelScore }: { score: number; modelScore?: number | null }) {
  const { t } = useTranslation('leads');
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={scoreColor(score)} variant="filled" miw={40} data-testid="lead-score">
        {score}
      </Badge>
      {modelScore !== null && modelScore !== undefined && (
        <Tooltip label={t('drawer.learned', { value: modelScore })}>
          <Badge color="violet" variant="light" miw={40}>
            {modelScore}%
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}
