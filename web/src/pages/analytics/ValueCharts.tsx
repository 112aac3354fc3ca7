import { Anchor, Badge, Card, ScrollArea, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EChart } from '../../components/charts/EChart.tsx';
import type { EChartsCoreOption } from '../../components/charts/echarts-setup.ts';
import { useFormatters } from '../../format/use-formatters.ts';
import type { ScoreOverview } from './dashboard-api.ts';

const baht = (satang: number) => Math.round(satang / 100);

/** How many customers fall in each band of predicted 12-month value. */
export function ClvHistogramChart({ data, loading }: { data?: ScoreOverview; loading: boolean }) {
  const { t } = useTranslation('analytics');
  const fmt = useFormatters();
  const bins = data?.clvHistogram ?? [];
  const label = (b: ScoreOverview['clvHistogram'][number]) =>
    b.toSatang === null
      ? `≥ ${fmt.number(baht(b.fromSatang))}`
      : `${fmt.number(baht(b.fromSatang))}–${fmt.number(baht(b.toSatang))}`;
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 16, bottom: 72 },
      xAxis: { type: 'category', data: bins.map(label), axisLabel: { rotate: 40, fontSize: 10 } },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', data: bins.map((b) => b.customers), barCategoryGap: '8%' }],
    }),
    [bins, t, fmt],
  );
  return (
    <EChart
      title={t('dashboard.charts.clv')}
      description={t('dashboard.charts.clvHint')}
      option={option}
      loading={loading}
      empty={!data?.scored}
      testId="chart-clv"
      table={{
        header: ['from (THB)', 'to (THB)', t('dashboard.charts.customers')],
        rows: bins.map((b) => [b.fromSatang / 100, b.toSatang === null ? '' : b.toSatang / 100, b.customers]),
      }}
    />
  );
}

/** The 20 customers with the highest predicted value, as a bar chart and a linked table. */
export function TopCustomers({ data, loading }: { data?: ScoreOverview; loading: boolean }) {
  const { t } = useTranslation('analytics');
  const fmt = useFormatters();
  const top = data?.topCustomers ?? [];
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => fmt.money(v * 100) },
      grid: { left: 150, right: 24, top: 8, bottom: 24 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: top.map((c) => c.displayName),
        axisLabel: { width: 140, overflow: 'truncate' },
      },
      xAxis: { type: 'value' },
      series: [{ type: 'bar', data: top.map((c) => c.clv12mSatang / 100) }],
    }),
    [top, fmt],
  );
  return (
    <>
      <EChart
        title={t('dashboard.charts.top')}
        option={option}
        loading={loading}
        empty={!top.length}
        height={Math.max(240, top.length * 22 + 40)}
        testId="chart-top-customers"
        table={{
          header: [
            t('dashboard.charts.customers'),
            t('dashboard.charts.segment'),
            'grade',
            'CLV 12m (THB)',
            'P(alive)',
            t('dashboard.charts.revenue'),
            t('scores.periods'),
          ],
          rows: top.map((c) => [
            c.displayName,
            t(`segments.${c.segment}`),
            c.valueGrade,
            c.clv12mSatang / 100,
            c.pAlive.toFixed(3),
            c.totalSpendSatang / 100,
            c.purchasePeriods,
          ]),
        }}
      />
      {top.length > 0 && (
        <Card withBorder padding="sm" mt="sm">
          <ScrollArea h={260}>
            <Table striped highlightOnHover fz="sm" data-testid="top-customers-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dashboard.charts.customers')}</Table.Th>
                  <Table.Th>{t('dashboard.charts.segment')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.charts.value')}</Table.Th>
                  <Table.Th ta="right">P(alive)</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {top.map((c) => (
                  <Table.Tr key={c.customerId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/customers/${c.customerId}`} size="sm">
                        {c.displayName}
                      </Anchor>{' '}
                      <Badge size="xs" variant="light">
                        {c.valueGrade}
                      </Badge>
                      {c.purchasePeriods === 1 && (
                        <Text size="xs" c="dimmed" data-testid="top-customer-estimate">
                          {t('scores.onePurchaseNote')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{t(`segments.${c.segment}`)}</Table.Td>
                    <Table.Td ta="right">{fmt.money(c.clv12mSatang)}</Table.Td>
                    <Table.Td ta="right">{(c.pAlive * 100).toFixed(0)}%</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </Card>
      )}
    </>
  );
}

/** Mean P(alive) over recency bands × frequency bands. */
export function PAliveHeatmap({ data, loading }: { data?: ScoreOverview; loading: boolean }) {
  const { t } = useTranslation('analytics');
  const bands = data?.recencyBands ?? [];
  const recency = [
    ...bands.map((d, i) => `${i === 0 ? 0 : (bands[i - 1] ?? 0) + 1}–${d}`),
    `> ${bands[bands.length - 1] ?? ''}`,
  ];
  const freq = data?.frequencyBands ?? [];
  const cells = data?.pAliveMap ?? [];
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: {
        formatter: (p: { value: [number, number, number, number] }) =>
          `${t('dashboard.charts.daysSince')}: ${recency[p.value[0]]}<br/>${t('dashboard.charts.purchaseDays')}: ${freq[p.value[1]]}<br/>P(alive) ${p.value[2].toFixed(2)} · ${t('dashboard.charts.customers')} ${p.value[3]}`,
      },
      grid: { left: 64, right: 16, top: 16, bottom: 96 },
      xAxis: {
        type: 'category',
        data: recency,
        name: t('dashboard.charts.daysSince'),
        nameLocation: 'middle',
        nameGap: 28,
      },
      yAxis: {
        type: 'category',
        data: freq,
        name: t('dashboard.charts.purchaseDays'),
        nameLocation: 'middle',
        nameGap: 40,
      },
      visualMap: {
        dimension: 2,
        min: 0,
        max: 1,
        precision: 2,
        orient: 'horizontal',
        left: 'center',
        bottom: 4,
        itemHeight: 120,
        inRange: { color: ['#fde2e1', '#f7d070', '#37b24d'] },
      },
      series: [
        {
          type: 'heatmap',
          data: cells.map((c) => [c.recency, c.frequency, Number(c.meanPAlive.toFixed(2)), c.customers]),
          label: { show: true, formatter: (p: { value: number[] }) => (p.value[2] ?? 0).toFixed(2) },
        },
      ],
    }),
    [cells, recency, freq, t],
  );
  return (
    <EChart
      title={t('dashboard.charts.pAlive')}
      description={t('dashboard.charts.pAliveHint')}
      option={option}
      loading={loading}
      empty={!cells.length}
      testId="chart-palive"
      table={{
        header: [
          t('dashboard.charts.daysSince'),
          t('dashboard.charts.purchaseDays'),
          t('dashboard.charts.customers'),
          t('dashboard.charts.meanPAlive'),
        ],
        rows: cells.map((c) => [recency[c.recency], freq[c.frequency], c.customers, c.meanPAlive.toFixed(4)]),
      }}
    />
  );
}

export function SectionTitle({ children }: { children: React.ReactNode }) {
  return (
    <Title order={3} mt="lg" mb="xs">
      <Text inherit span>
        {children}
      </Text>
    </Title>
  );
}
