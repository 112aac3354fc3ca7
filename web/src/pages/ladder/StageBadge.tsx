import { Badge, type BadgeProps } from '@mantine/core';
import { IconStairsUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type LadderStage, STAGE_COLORS } from './ladder-api.ts';

/** A customer's rung, coloured by stage; a hand-set stage is drawn outlined. */
export function StageBadge({ stage, manual, ...props }: { stage: LadderStage; manual?: boolean } & BadgeProps) {
  const { t } = useTranslation('ladder');
  return (
    <Badge
      color={STAGE_COLORS[stage]}
      variant={manual ? 'outline' : 'light'}
      leftSection={<IconStairsUp size={12} />}
      tt="none"
      {...props}
    >
      {t(`stages.${stage}`)}
      {manual ? ` · ${t('profile.manual')}` : ''}
    </Badge>
  );
}
