import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/charts/EChart.tsx';
import { useFormatters } from '../../format/use-formatters.ts';
import { baht, COLORS, compactNumber } from './chart-format.ts';
import type { Forecast } from './forecasts-api.ts';

/** Won, committed and weighted stacked per row (the total, then each owner), the quota as a red mark. */
export function ForecastChart({
  data,
  periodName,
  loading,
}: {
  data?: Forecast;
  periodName: string;
  loading: boolean;
}) {
  const { t, i18n } = useTranslation('forecasts');
  const fmt = useFormatters();
  const rows = useMemo(() => {
    if (!data) return [];
    const owners = data.owners.length > 1 ? data.owners : [];
    return [
      { name: t('forecast.total'), ...data },
      ...owners.map((o) => ({ ...o, name: o.ownerName ?? t('forecast.unassigned') })),
    ];
  }, [data, t]);
  const option = useMemo(() => {
    const names = rows.map((r) => r.name).reverse();
    const values = (pick: (r: (typeof rows)[number]) => number | null) =>
      rows
        .map((r) => {
          const v = pick(r);
          return v === null ? null : baht(v);
        })
        .reverse();
    const money = (v: number) => fmt.money(Math.round(v * 100), data?.currency);
    const bar = (name: string, color: string, pick: (r: (typeof rows)[number]) => number) => ({
      name,
      type: 'bar',
      stack: 'forecast',
      itemStyle: { color },
      barMaxWidth: 28,
      data: values(pick),
    });
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => money(v) },
      legend: { bottom: 0 },
      grid: { left: 8, right: 24, top: 8, bottom: 36, containLabel: true },
      xAxis: { type: 'value', axisLabel: { formatter: compactNumber(i18n.language) } },
      yAxis: { type: 'category', data: names },
      series: [
        bar(t('forecast.won'), COLORS.won, (r) => r.wonSatang),
        bar(t('forecast.committed'), COLORS.committed, (r) => r.committedSatang),
        bar(t('forecast.weighted'), COLORS.weighted, (r) => r.weightedSatang),
        {
          name: t('forecast.quota'),
          type: 'scatter',
          symbol: 'rect',
          symbolSize: [4, 32],
          itemStyle: { color: COLORS.quota },
          data: values((r) => r.quotaSatang),
          z: 10,
        },
      ],
    };
  }, [rows, t, i18n.language, fmt, data?.currency]);
  const table = {
    header: [
      t('owners.owner'),
      t('forecast.won'),
      t('forecast.committed'),
      t('forecast.weighted'),
      t('forecast.forecast'),
      t('forecast.bestCase'),
      t('forecast.quota'),
      `${t('forecast.attainment')} %`,
    ],
    rows: rows.map((r) => [
      r.name,
      baht(r.wonSatang),
      baht(r.committedSatang),
      baht(r.weightedSatang),
      baht(r.forecastSatang),
      baht(r.bestCaseSatang),
      r.quotaSatang === null ? null : baht(r.quotaSatang),
      r.attainmentPct,
    ]),
  };
  const description = data
    ? `${t('forecast.description', { threshold: data.commitThreshold, period: periodName })}. ${
        data.quotaSatang === null
          ? t('forecast.noQuota')
          : t('forecast.summary', {
              forecast: fmt.money(data.forecastSatang, data.currency),
              quota: fmt.money(data.quotaSatang, data.currency),
            })
      }`
    : undefined;
  return (
    <EChart
      title={t('forecast.title')}
      description={description}
      option={option}
      table={table}
      loading={loading}
      empty={!loading && rows.length === 0}
      height={Math.max(180, 64 + rows.length * 48)}
      testId="chart-forecast"
    />
  );
}
