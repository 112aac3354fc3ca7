import { Select, Text } from '@mantine/core';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { ChartItem } from '../../components/charts/EChart.tsx';
import { EChart } from '../../components/charts/EChart.tsx';
import type { EChartsCoreOption } from '../../components/charts/echarts-setup.ts';
import { useFormatters } from '../../format/use-formatters.ts';
import type { ScoreOverview, SegmentMovement } from './dashboard-api.ts';
import { RFM_SEGMENTS, type RfmSegment } from './scores-api.ts';

/** The R×F map of rfm.ts on the server: which segment a cell belongs to. */
export function segmentOf(r: number, f: number): RfmSegment {
  if (r <= 2) {
    if (f <= 2) return r === 1 && f === 1 ? 'lost' : 'hibernating';
    return f === 5 ? 'cant_lose_them' : 'at_risk';
  }
  if (r === 3) {
    if (f <= 2) return 'about_to_sleep';
    return f === 3 ? 'need_attention' : 'loyal';
  }
  if (f >= 4) return r === 5 ? 'champions' : 'loyal';
  if (f === 1) return r === 5 ? 'new' : 'promising';
  return 'potential_loyalists';
}

const SCORES = ['1', '2', '3', '4', '5'];

/** The customer list of one R×F cell, as the list API filters it. */
export const cellLink = (r: number, f: number) => `/customers?rfmR=${r}&rfmF=${f}`;
/** The customer list of one RFM segment. */
export const segmentLink = (segment: RfmSegment) => `/customers?rfmSegment=${segment}`;

/**
 * R×F heat map with the customers in each cell; a click on a cell opens those customers, and a
 * picker opens a segment's.
 */
export function RfmGridChart({ data, loading }: { data?: ScoreOverview; loading: boolean }) {
  const { t } = useTranslation('analytics');
  const navigate = useNavigate();
  const openCell = useCallback(
    (item: ChartItem) => {
      const [f, r] = item.value as [number, number, number];
      navigate(cellLink(r + 1, f + 1));
    },
    [navigate],
  );
  const cells = data?.grid ?? [];
  const max = Math.max(1, ...cells.map((c) => c.customers));
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: {
        formatter: (p: { value: [number, number, number] }) =>
          `R ${p.value[1] + 1} · F ${p.value[0] + 1}<br/>${t(`segments.${segmentOf(p.value[1] + 1, p.value[0] + 1)}`)}: ${p.value[2]}`,
      },
      grid: { left: 56, right: 16, top: 16, bottom: 80 },
      xAxis: {
        type: 'category',
        data: SCORES,
        name: t('dashboard.charts.frequencyScore'),
        nameLocation: 'middle',
        nameGap: 28,
      },
      yAxis: {
        type: 'category',
        data: SCORES,
        name: t('dashboard.charts.recency'),
        nameLocation: 'middle',
        nameGap: 36,
      },
      visualMap: {
        dimension: 2,
        min: 0,
        max,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 4,
        itemHeight: 120,
      },
      series: [
        {
          type: 'heatmap',
          data: cells.map((c) => [c.f - 1, c.r - 1, c.customers]),
          label: { show: true },
          emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } },
        },
      ],
    }),
    [cells, max, t],
  );
  return (
    <EChart
      title={t('dashboard.charts.rfmGrid')}
      description={t('dashboard.charts.rfmGridHint')}
      option={option}
      loading={loading}
      empty={!cells.length}
      onItemClick={openCell}
      testId="chart-rfm-grid"
      controls={
        <Select
          size="xs"
          w={170}
          placeholder={t('dashboard.charts.openSegment')}
          aria-label={t('dashboard.charts.openSegment')}
          data={RFM_SEGMENTS.map((s) => ({ value: s, label: t(`segments.${s}`) }))}
          onChange={(s) => s && navigate(segmentLink(s as RfmSegment))}
          data-testid="open-segment"
        />
      }
      table={{
        header: [
          'R',
          'F',
          t('dashboard.charts.segment'),
          t('dashboard.charts.customers'),
          t('dashboard.charts.revenue'),
        ],
        rows: cells.map((c) => [c.r, c.f, t(`segments.${segmentOf(c.r, c.f)}`), c.customers, c.revenueSatang / 100]),
      }}
    />
  );
}

/** Customers and revenue per segment, side by side; a click on a bar opens the segment's customers. */
export function SegmentSizesChart({ data, loading }: { data?: ScoreOverview; loading: boolean }) {
  const { t } = useTranslation('analytics');
  const fmt = useFormatters();
  const navigate = useNavigate();
  const rows = data?.segments ?? [];
  const openSegment = useCallback(
    (item: ChartItem) => {
      const row = rows[item.dataIndex];
      if (row) navigate(segmentLink(row.segment));
    },
    [rows, navigate],
  );
  const names = rows.map((s) => t(`segments.${s.segment}`));
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 130, right: 24, top: 32, bottom: 24 },
      yAxis: { type: 'category', data: names, inverse: true },
      xAxis: [
        { type: 'value', name: t('dashboard.charts.customers'), position: 'top', show: false },
        { type: 'value', show: false },
      ],
      series: [
        {
          name: t('dashboard.charts.customers'),
          type: 'bar',
          data: rows.map((s) => s.customers),
          xAxisIndex: 0,
          label: { show: true, position: 'right' },
        },
        {
          name: t('dashboard.charts.revenue'),
          type: 'bar',
          data: rows.map((s) => s.revenueSatang / 100),
          xAxisIndex: 1,
          tooltip: { valueFormatter: (v: number) => fmt.money(v * 100) },
        },
      ],
    }),
    [rows, names, t, fmt],
  );
  return (
    <EChart
      title={t('dashboard.charts.segments')}
      description={t('dashboard.charts.segmentsHint')}
      option={option}
      loading={loading}
      empty={!data?.scored}
      height={380}
      onItemClick={openSegment}
      testId="chart-segments"
      table={{
        header: [
          t('dashboard.charts.segment'),
          t('dashboard.charts.customers'),
          t('dashboard.charts.revenue'),
          'CLV 12m',
        ],
        rows: rows.map((s, i) => [names[i], s.customers, s.revenueSatang / 100, s.clv12mSatang / 100]),
      }}
    />
  );
}

/** Segment sizes at each recompute run (stacked), from the recorded history. */
export function SegmentHistoryChart({
  data,
  loading,
  source,
}: {
  data?: SegmentMovement;
  loading: boolean;
  /** The dashboard's source filter: the history is recorded per run for every source, so it is only named. */
  source?: string | null;
}) {
  const { t } = useTranslation('analytics');
  const fmt = useFormatters();
  const runs = data?.history ?? [];
  const labels = runs.map((r) => fmt.date(`${r.calibrationEnd}T12:00:00Z`));
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 48, right: 16, top: 16, bottom: 48 },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value' },
      series: RFM_SEGMENTS.map((segment) => ({
        name: t(`segments.${segment}`),
        type: 'bar',
        stack: 'all',
        data: runs.map((r) => r.segments.find((s) => s.segment === segment)?.customers ?? 0),
      })),
    }),
    [runs, labels, t],
  );
  const moves = (data?.transitions ?? []).filter((m) => m.from !== m.to).slice(0, 4);
  const name = (s: RfmSegment | null) => (s ? t(`segments.${s}`) : t('dashboard.charts.notScored'));
  return (
    <EChart
      title={t('dashboard.charts.history')}
      description={
        <>
          {moves.length
            ? `${t('dashboard.charts.movement')}: ${moves.map((m) => `${name(m.from)} → ${name(m.to)} ${m.customers}`).join(' · ')}`
            : t('dashboard.charts.historyHint')}
          {source && (
            <Text span size="xs" c="orange.8" display="block" data-testid="history-all-sources">
              {t('dashboard.charts.historyAllSources')}
            </Text>
          )}
        </>
      }
      option={option}
      loading={loading}
      empty={!runs.length}
      height={340}
      testId="chart-segment-history"
      table={{
        header: [t('dashboard.charts.runs'), ...RFM_SEGMENTS.map((s) => t(`segments.${s}`))],
        rows: runs.map((r) => [
          r.calibrationEnd,
          ...RFM_SEGMENTS.map((s) => r.segments.find((x) => x.segment === s)?.customers ?? 0),
        ]),
      }}
    />
  );
}
