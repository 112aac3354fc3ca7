import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/charts/EChart.tsx';
import type { EChartsCoreOption } from '../../components/charts/echarts-setup.ts';
import type { Cohorts } from './dashboard-api.ts';

/** Cohort retention as a heat-coloured table: cohort month × months since the first order. */
export function CohortChart({ data, loading }: { data?: Cohorts; loading: boolean }) {
  const { t } = useTranslation('analytics');
  const cohorts = data?.cohorts ?? [];
  const width = Math.max(1, ...cohorts.map((c) => (c.cells[c.cells.length - 1]?.monthsSince ?? 0) + 1));
  const months = Array.from({ length: width }, (_, i) => String(i));
  const rows = cohorts.map((c) => `${c.cohort} (${c.customers})`);
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: {
        formatter: (p: { value: [number, number, number, number] }) =>
          `${rows[p.value[1]]} · +${p.value[0]}: ${(p.value[2] * 100).toFixed(1)}% (${p.value[3]})`,
      },
      grid: { left: 110, right: 16, top: 16, bottom: 80 },
      xAxis: {
        type: 'category',
        data: months,
        name: t('dashboard.charts.monthsSince'),
        nameLocation: 'middle',
        nameGap: 28,
      },
      yAxis: { type: 'category', data: rows, inverse: true },
      visualMap: {
        dimension: 2,
        min: 0,
        max: 1,
        precision: 2,
        orient: 'horizontal',
        left: 'center',
        bottom: 4,
        itemHeight: 120,
        inRange: { color: ['#f1f3f5', '#74c0fc', '#1864ab'] },
      },
      series: [
        {
          type: 'heatmap',
          data: cohorts.flatMap((c, y) => c.cells.map((cell) => [cell.monthsSince, y, cell.retention, cell.customers])),
          label: {
            show: width <= 13,
            fontSize: 10,
            formatter: (p: { value: number[] }) => `${Math.round((p.value[2] ?? 0) * 100)}%`,
          },
        },
      ],
    }),
    [cohorts, rows, months, width, t],
  );
  return (
    <EChart
      title={t('dashboard.charts.cohorts')}
      description={t('dashboard.charts.cohortsHint')}
      option={option}
      loading={loading}
      empty={!cohorts.length}
      height={Math.max(280, cohorts.length * 30 + 110)}
      testId="chart-cohorts"
      table={{
        header: [
          t('dashboard.charts.cohortMonth'),
          t('dashboard.charts.cohortSize'),
          t('dashboard.charts.monthsSince'),
          t('dashboard.charts.customers'),
          t('dashboard.charts.share'),
          `${t('dashboard.charts.revenue')} (${data?.currency ?? ''})`,
        ],
        rows: cohorts.flatMap((c) =>
          c.cells.map((cell) => [
            c.cohort,
            c.customers,
            cell.monthsSince,
            cell.customers,
            cell.retention.toFixed(4),
            cell.revenueSatang / 100,
          ]),
        ),
      }}
    />
  );
}
