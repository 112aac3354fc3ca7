import { Anchor, Badge, Box, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconAddressBook, IconSettings } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSession } from '../../auth/session-context.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useFormatters } from '../../format/use-formatters.ts';
import { type LadderStage, STAGE_COLORS, useStageCounts } from './ladder-api.ts';
import { StageBadge } from './StageBadge.tsx';

/** The customer list filtered to one stage. */
export function stageListHref(stage: LadderStage): string {
  return `/customers?ladderStage=${stage}`;
}

function Rung({ stage, count, total, widest }: { stage: LadderStage; count: number; total: number; widest: number }) {
  const { t } = useTranslation('ladder');
  const format = useFormatters();
  const percent = total ? Math.round((count / total) * 1000) / 10 : 0;
  // Bars share one scale (the biggest stage is full width), with a sliver for empty ones.
  const width = widest ? Math.max(2, (count / widest) * 100) : 2;
  return (
    <Paper withBorder radius="md" p="sm" data-testid={`ladder-rung-${stage}`}>
      <Group justify="space-between" wrap="nowrap" gap="md" mb={6}>
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <StageBadge stage={stage} size="lg" />
          <Text size="sm" c="dimmed" visibleFrom="sm" truncate>
            {t(`stageHints.${stage}`)}
          </Text>
        </Group>
        <Group gap="sm" wrap="nowrap">
          <Text fw={700} size="lg" data-testid={`ladder-count-${stage}`}>
            {format.number(count)}
          </Text>
          {count > 0 && (
            <Anchor component={Link} to={stageListHref(stage)} size="sm" fw={500}>
              {t('overview.showList')}
            </Anchor>
          )}
        </Group>
      </Group>
      <Tooltip label={t('overview.share', { percent })}>
        <Box
          h={14}
          w={`${width}%`}
          bg={`var(--mantine-color-${STAGE_COLORS[stage]}-5)`}
          style={{ borderRadius: 7, transition: 'width 300ms ease' }}
          aria-label={t('overview.share', { percent })}
        />
      </Tooltip>
    </Paper>
  );
}

/** Counts per stage as a ladder: the top rung first, each bar linking to its customers. */
export function LadderPage() {
  const { t } = useTranslation('ladder');
  const format = useFormatters();
  const { can } = useSession();
  const counts = useStageCounts();
  const data = counts.data;
  const widest = Math.max(0, ...(data?.stages.map((s) => s.count) ?? []));
  return (
    <>
      <PageHeader
        title={t('overview.title')}
        description={t('overview.subtitle')}
        actions={
          <>
            {data && (
              <Badge size="lg" variant="light" leftSection={<IconAddressBook size={14} />} tt="none">
                {t('overview.total', { formatted: format.number(data.total) })}
              </Badge>
            )}
            {can('settings') && (
              <Button
                component={Link}
                to="/admin/ladder-rules"
                variant="light"
                leftSection={<IconSettings size={16} />}
              >
                {t('overview.rules')}
              </Button>
            )}
          </>
        }
      />
      <ProblemAlert error={counts.error} />
      {data && data.total === 0 && <Text c="dimmed">{t('overview.empty')}</Text>}
      <Stack gap="sm">
        {[...(data?.stages ?? [])].reverse().map((s) => (
          <Rung key={s.stage} stage={s.stage} count={s.count} total={data?.total ?? 0} widest={widest} />
        ))}
      </Stack>
    </>
  );
}
