import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/charts/EChart.tsx';
import { useFormatters } from '../../format/use-formatters.ts';
import { localName } from '../deals/deal-format.ts';
import { baht, COLORS, compactNumber } from './chart-format.ts';
import type { StageValue } from './forecasts-api.ts';

/** Open deals now per stage: value and weighted value (pipeline name added when there are several). */
export function PipelineStageChart({
  stages,
  currency,
  loading,
}: {
  stages?: StageValue[];
  currency?: string;
  loading: boolean;
}) {
  const { t, i18n } = useTranslation('forecasts');
  const fmt = useFormatters();
  const list = stages ?? [];
  const several = new Set(list.map((s) => s.pipelineId)).size > 1;
  const label = (s: StageValue) => {
    const stage = `${localName(s, i18n.language)} (${s.probability}%)`;
    return several
      ? `${localName({ nameTh: s.pipelineNameTh, nameEn: s.pipelineNameEn }, i18n.language)} · ${stage}`
      : stage;
  };
  const labels = list.map(label).join('\n');
  const option = useMemo(
    () => ({
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: number) => fmt.money(Math.round(v * 100), currency),
      },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 36, containLabel: true },
      xAxis: {
        type: 'category',
        data: labels.split('\n'),
        axisLabel: { interval: 0, rotate: list.length > 5 ? 20 : 0 },
      },
      yAxis: { type: 'value', axisLabel: { formatter: compactNumber(i18n.language) } },
      series: [
        {
          name: t('pipeline.value'),
          type: 'bar',
          data: list.map((s) => baht(s.valueSatang)),
          itemStyle: { color: COLORS.committed },
        },
        {
          name: t('pipeline.weighted'),
          type: 'bar',
          data: list.map((s) => baht(s.weightedSatang)),
          itemStyle: { color: COLORS.weighted },
        },
      ],
    }),
    [list, labels, t, i18n.language, fmt, currency],
  );
  const table = {
    header: [
      t('pipeline.pipeline'),
      t('pipeline.stage'),
      t('pipeline.count'),
      t('pipeline.value'),
      t('pipeline.weighted'),
    ],
    rows: list.map((s) => [
      localName({ nameTh: s.pipelineNameTh, nameEn: s.pipelineNameEn }, i18n.language),
      localName(s, i18n.language),
      s.count,
      baht(s.valueSatang),
      baht(s.weightedSatang),
    ]),
  };
  return (
    <EChart
      title={t('pipeline.title')}
      description={t('pipeline.description')}
      option={option}
      table={table}
      loading={loading}
      empty={!loading && !list.some((s) => s.count > 0)}
      testId="chart-pipeline"
    />
  );
}
