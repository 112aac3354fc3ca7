import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/charts/EChart.tsx';
import { useDisplaySettings } from '../../format/display-settings.ts';
import { useFormatters } from '../../format/use-formatters.ts';
import { baht, COLORS, compactNumber } from './chart-format.ts';
import type { RevenueByMonth } from './forecasts-api.ts';
import { displayYear, monthNames } from './sales-period.ts';

/** Paid orders per month of the year beside the year before. */
export function RevenueChart({ data, loading }: { data?: RevenueByMonth; loading: boolean }) {
  const { t, i18n } = useTranslation('forecasts');
  const fmt = useFormatters();
  const { buddhistEra } = useDisplaySettings();
  const months = monthNames(i18n.language, buddhistEra);
  const shownYear = (y: number) => displayYear(y, i18n.language, buddhistEra);
  const year = data?.year ?? new Date().getFullYear();
  const thisName = shownYear(year);
  const lastName = shownYear(year - 1);
  const option = useMemo(
    () => ({
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: number) => fmt.money(Math.round(v * 100), data?.currency),
      },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 36, containLabel: true },
      xAxis: { type: 'category', data: months, boundaryGap: false },
      yAxis: { type: 'value', axisLabel: { formatter: compactNumber(i18n.language) } },
      series: [
        {
          name: lastName,
          type: 'line',
          data: (data?.months ?? []).map((m) => baht(m.lastYearSatang)),
          itemStyle: { color: COLORS.lastYear },
          lineStyle: { type: 'dashed' },
        },
        {
          name: thisName,
          type: 'line',
          data: (data?.months ?? []).map((m) => baht(m.revenueSatang)),
          itemStyle: { color: COLORS.thisYear },
          areaStyle: { opacity: 0.08 },
        },
      ],
    }),
    [data, months, i18n.language, fmt, thisName, lastName],
  );
  const table = {
    header: [t('revenue.month'), thisName, lastName],
    rows: (data?.months ?? []).map((m) => [
      `${year}-${String(m.month).padStart(2, '0')}`,
      baht(m.revenueSatang),
      baht(m.lastYearSatang),
    ]),
  };
  return (
    <EChart
      title={t('revenue.title')}
      description={t('revenue.description', { year: thisName, lastYear: lastName })}
      option={option}
      table={table}
      loading={loading}
      empty={!loading && !data?.months.some((m) => m.revenueSatang || m.lastYearSatang)}
      testId="chart-revenue"
    />
  );
}
