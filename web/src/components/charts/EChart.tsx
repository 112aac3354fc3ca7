import { ActionIcon, Card, Center, Group, Loader, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconFileSpreadsheet, IconPhoto } from '@tabler/icons-react';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChartTable, chartTableToCsv, safeFileName } from './chart-csv.ts';
import { type EChartsCoreOption, echarts } from './echarts-setup.ts';

const FONT = "'Noto Sans Thai', system-ui, sans-serif";

function download(href: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
}

export interface EChartProps {
  /** Card title, also the downloaded files' name. */
  title: string;
  description?: ReactNode;
  option: EChartsCoreOption;
  /** The chart's data for the CSV download; without it only PNG is offered. */
  table?: ChartTable;
  height?: number;
  loading?: boolean;
  /** Shown instead of the chart when there is nothing to draw. */
  empty?: boolean;
  /** Extra controls in the card's header (e.g. a picker). */
  controls?: ReactNode;
  /** Called with the clicked item's series index and value (e.g. to open the customers behind a cell). */
  onItemClick?: (item: ChartItem) => void;
  testId?: string;
}

/** What a click on a chart item tells its handler. */
export interface ChartItem {
  seriesIndex: number;
  dataIndex: number;
  value: unknown;
}

/**
 * An ECharts chart in a card, with "download PNG" and "download CSV" buttons.
 * Every dashboard chart goes through it, so all of them export the same way.
 */
export function EChart({
  title,
  description,
  option,
  table,
  height = 320,
  loading,
  empty,
  controls,
  onItemClick,
  testId,
}: EChartProps) {
  const { t } = useTranslation();
  const holder = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const showChart = !loading && !empty;

  useEffect(() => {
    if (!showChart || !holder.current) return;
    const instance = echarts.init(holder.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(holder.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [showChart]);

  useEffect(() => {
    if (!showChart) return;
    chart.current?.setOption({ textStyle: { fontFamily: FONT }, animation: false, ...option }, { notMerge: true });
  }, [option, showChart]);

  useEffect(() => {
    const instance = chart.current;
    if (!showChart || !instance || !onItemClick) return;
    const handler = (p: { seriesIndex?: number; dataIndex?: number; value?: unknown }) =>
      onItemClick({ seriesIndex: p.seriesIndex ?? 0, dataIndex: p.dataIndex ?? 0, value: p.value });
    instance.on('click', handler);
    return () => {
      instance.off('click', handler);
    };
  }, [onItemClick, showChart]);

  const name = safeFileName(title);
  const savePng = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    if (url) download(url, `${name}.png`);
  };
  const saveCsv = () => {
    if (!table) return;
    const url = URL.createObjectURL(new Blob([chartTableToCsv(table)], { type: 'text/csv;charset=utf-8' }));
    download(url, `${name}.csv`);
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <Card withBorder padding="md" data-testid={testId}>
      <Group justify="space-between" align="flex-start" mb="xs" wrap="nowrap">
        <Stack gap={2}>
          <Title order={4}>{title}</Title>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </Stack>
        <Group gap={4} wrap="nowrap">
          {controls}
          <Tooltip label={t('charts.downloadPng')}>
            <ActionIcon variant="subtle" aria-label={t('charts.downloadPng')} onClick={savePng} disabled={!showChart}>
              <IconPhoto size={18} />
            </ActionIcon>
          </Tooltip>
          {table && (
            <Tooltip label={t('charts.downloadCsv')}>
              <ActionIcon variant="subtle" aria-label={t('charts.downloadCsv')} onClick={saveCsv}>
                <IconFileSpreadsheet size={18} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      </Group>
      {loading ? (
        <Center h={height}>
          <Loader size="sm" />
        </Center>
      ) : empty ? (
        <Center h={height}>
          <Text c="dimmed" size="sm">
            {t('charts.noData')}
          </Text>
        </Center>
      ) : (
        <div ref={holder} style={{ width: '100%', height }} role="img" aria-label={title} />
      )}
    </Card>
  );
}
