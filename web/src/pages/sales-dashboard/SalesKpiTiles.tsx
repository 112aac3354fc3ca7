import { Badge, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../format/use-formatters.ts';
import type { PeriodKpis, SalesKpis } from './forecasts-api.ts';

interface Tile {
  key: string;
  label: string;
  value: (k: PeriodKpis) => number | null;
  show: (v: number) => string;
  sub?: (k: PeriodKpis) => string;
  hint?: (k: PeriodKpis) => string;
  /** A shorter sales cycle is good news. */
  upIsGood: boolean;
}

/** Sales KPI tiles: the period's figure and its change against the period before. */
export function SalesKpiTiles({ data, loading }: { data?: SalesKpis; loading?: boolean }) {
  const { t, i18n } = useTranslation('forecasts');
  const fmt = useFormatters();
  const pct = new Intl.NumberFormat(i18n.language === 'th' ? 'th-TH' : 'en-US', {
    style: 'percent',
    maximumFractionDigits: 1,
  });
  const money = (v: number) => fmt.money(v, data?.currency);
  const tiles: Tile[] = [
    {
      key: 'won',
      label: t('kpi.won'),
      value: (k) => k.wonSatang,
      show: money,
      sub: (k) => t('kpi.wonCount', { count: k.wonCount }),
      upIsGood: true,
    },
    {
      key: 'closeRate',
      label: t('kpi.closeRate'),
      value: (k) => k.closeRatePct,
      show: (v) => pct.format(v / 100),
      hint: () => t('kpi.closeRateHint'),
      upIsGood: true,
    },
    { key: 'averageWon', label: t('kpi.averageWon'), value: (k) => k.averageWonSatang, show: money, upIsGood: true },
    {
      key: 'cycle',
      label: t('kpi.cycle'),
      value: (k) => k.cycleDaysMedian,
      show: (v) => t('dashboard.days', { value: fmt.number(v) }),
      hint: (k) =>
        t('kpi.cycleHint', {
          mean: k.cycleDaysMean === null ? '—' : t('dashboard.days', { value: fmt.number(k.cycleDaysMean) }),
        }),
      upIsGood: false,
    },
    {
      key: 'dealsCreated',
      label: t('kpi.dealsCreated'),
      value: (k) => k.dealsCreated,
      show: fmt.number,
      upIsGood: true,
    },
    {
      key: 'revenue',
      label: t('kpi.revenue'),
      value: (k) => k.revenueSatang,
      show: money,
      hint: () => t('kpi.revenueHint'),
      upIsGood: true,
    },
  ];
  if (loading || !data)
    return (
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
        {tiles.map((tile) => (
          <Skeleton key={tile.key} h={96} radius="md" />
        ))}
      </SimpleGrid>
    );
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} data-testid="sales-kpis">
      {tiles.map((tile) => {
        const now = tile.value(data.current);
        const before = tile.value(data.previous);
        const change = now !== null && before !== null && before !== 0 ? (now - before) / Math.abs(before) : null;
        const good = change === null || change === 0 ? null : change > 0 === tile.upIsGood;
        let trend: ReactNode;
        if (change !== null && change !== 0)
          trend = (
            <Badge
              size="sm"
              variant="light"
              color={good ? 'teal' : 'red'}
              leftSection={change > 0 ? <IconArrowUpRight size={12} /> : <IconArrowDownRight size={12} />}
            >
              {pct.format(change)}
            </Badge>
          );
        else
          trend = (
            <Text size="xs" c="dimmed">
              {change === 0 ? t('dashboard.noChange') : before === null ? '—' : tile.show(before)}
            </Text>
          );
        const body = (
          <Paper withBorder radius="md" p="sm" h="100%" data-testid={`sales-kpi-${tile.key}`}>
            <Stack gap={4}>
              <Text size="xs" c="dimmed" lineClamp={1}>
                {tile.label}
              </Text>
              <Text fw={700} size="lg" data-testid="kpi-value">
                {now === null ? t('dashboard.notAvailable') : tile.show(now)}
              </Text>
              {tile.sub && (
                <Text size="xs" c="dimmed">
                  {tile.sub(data.current)}
                </Text>
              )}
              <Group gap={6} wrap="nowrap">
                {trend}
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {t('dashboard.vsPrevious')}
                </Text>
              </Group>
            </Stack>
          </Paper>
        );
        return tile.hint ? (
          <Tooltip key={tile.key} label={tile.hint(data.current)} multiline w={260}>
            {body}
          </Tooltip>
        ) : (
          <div key={tile.key}>{body}</div>
        );
      })}
    </SimpleGrid>
  );
}
