import { Alert, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/charts/EChart.tsx';
import type { EChartsCoreOption } from '../../components/charts/echarts-setup.ts';
import { useFormatters } from '../../format/use-formatters.ts';
import type { HoldoutCheck, ScoreOverview } from './dashboard-api.ts';

/** Predicted against actual mean purchases in the holdout, by calibration repeat purchases. */
export function HoldoutChart({ data, loading, error }: { data?: HoldoutCheck; loading: boolean; error?: string }) {
  const { t } = useTranslation('analytics');
  const fmt = useFormatters();
  const groups = data?.groups ?? [];
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => v.toFixed(2) },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 48 },
      xAxis: {
        type: 'category',
        data: groups.map((g) => g.repeatPurchases),
        name: t('dashboard.charts.repeatInCalibration'),
        nameLocation: 'middle',
        nameGap: 28,
      },
      yAxis: { type: 'value' },
      series: [
        { name: t('dashboard.charts.actual'), type: 'bar', data: groups.map((g) => g.actualMean) },
        {
          name: t('dashboard.charts.predicted'),
          type: 'line',
          data: groups.map((g) => g.predictedMean),
          symbolSize: 8,
        },
      ],
    }),
    [groups, t],
  );
  const description = data
    ? t('dashboard.charts.holdoutHint', {
        end: fmt.date(`${data.calibrationEnd}T12:00:00Z`),
        last: fmt.date(`${data.holdoutEnd}T12:00:00Z`),
        weeks: data.holdoutWeeks.toFixed(1),
      })
    : error;
  return (
    <EChart
      title={t('dashboard.charts.holdout')}
      description={description}
      option={option}
      loading={loading}
      empty={!groups.length}
      testId="chart-holdout"
      table={{
        header: [
          t('dashboard.charts.repeatInCalibration'),
          t('dashboard.charts.customers'),
          t('dashboard.charts.actual'),
          t('dashboard.charts.predicted'),
        ],
        rows: groups.map((g) => [g.repeatPurchases, g.customers, g.actualMean.toFixed(4), g.predictedMean.toFixed(4)]),
      }}
    />
  );
}

const num = (v: number | undefined) => (v === undefined ? '—' : v >= 1000 ? v.toFixed(0) : v.toPrecision(4));

/** The latest run's fitted parameters, and its warnings (thin data first). */
export function ModelCard({ data }: { data?: ScoreOverview }) {
  const { t, i18n } = useTranslation('analytics');
  const fmt = useFormatters();
  const run = data?.run;
  if (!run) return null;
  const bg = run.params.bgnbd;
  const gg = run.params.gammaGamma;
  const warnings = run.params.warnings ?? [];
  const lang = i18n.language === 'en' ? 'en' : 'th';
  return (
    <Card withBorder padding="md" data-testid="model-card">
      <Title order={4}>{t('dashboard.charts.model')}</Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('dashboard.charts.modelHint', {
          end: fmt.date(`${run.calibrationEnd}T12:00:00Z`),
          customers: fmt.number(run.customers ?? 0),
          repeat: fmt.number(run.repeatCustomers ?? 0),
        })}
      </Text>
      <Group gap="xl" align="flex-start">
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            BG/NBD
          </Text>
          <Text size="sm" ff="monospace">
            r {num(bg?.r)} · α {num(bg?.alpha)} · a {num(bg?.a)} · b {num(bg?.b)}
          </Text>
        </Stack>
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            Gamma-Gamma
          </Text>
          <Text size="sm" ff="monospace">
            {gg ? `p ${num(gg.p)} · q ${num(gg.q)} · γ ${num(gg.v)}` : '—'}
          </Text>
        </Stack>
      </Group>
      {warnings.map((w) => (
        <Alert
          key={w.code}
          mt="sm"
          color={w.code === 'thin_data' ? 'yellow' : 'gray'}
          icon={<IconAlertTriangle size={16} />}
          data-testid={`model-warning-${w.code}`}
        >
          {w.code === 'thin_data' ? t('dashboard.charts.thinData') : w[lang]}
        </Alert>
      ))}
    </Card>
  );
}
