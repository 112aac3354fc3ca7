import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/charts/EChart.tsx';
import { baht, COLORS } from './chart-format.ts';
import type { PeriodKpis } from './forecasts-api.ts';

/** Deals closed in the period: won, and lost by the reason given. */
export function WinLossChart({ data, loading }: { data?: PeriodKpis; loading: boolean }) {
  const { t } = useTranslation('forecasts');
  const rows = useMemo(
    () => [
      { reason: t('reasons.won'), count: data?.wonCount ?? 0, valueSatang: data?.wonSatang ?? 0, won: true },
      ...(data?.lostReasons ?? []).map((r) => ({ ...r, won: false })),
    ],
    [data, t],
  );
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((r) => r.reason).reverse() },
      series: [
        {
          name: t('reasons.count'),
          type: 'bar',
          barMaxWidth: 24,
          label: { show: true, position: 'right' },
          data: rows
            .map((r) => ({ value: r.count, itemStyle: { color: r.won ? COLORS.won : COLORS.quota } }))
            .reverse(),
        },
      ],
    }),
    [rows, t],
  );
  const table = {
    header: [t('reasons.reason'), t('reasons.count'), t('reasons.value')],
    rows: rows.map((r) => [r.reason, r.count, baht(r.valueSatang)]),
  };
  return (
    <EChart
      title={t('reasons.title')}
      description={t('reasons.description')}
      option={option}
      table={table}
      loading={loading}
      empty={!loading && rows.every((r) => r.count === 0)}
      height={Math.max(200, 40 + rows.length * 36)}
      testId="chart-winloss"
    />
  );
}
