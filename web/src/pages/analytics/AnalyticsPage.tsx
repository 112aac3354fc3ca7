import { Alert, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session-context.ts';
import { useDisplaySettings } from '../../format/display-settings.ts';
import { useFormatters } from '../../format/use-formatters.ts';
import { CohortChart } from './CohortChart.tsx';
import {
  ORDER_SOURCES,
  type OrderSource,
  useCohorts,
  useHoldoutCheck,
  useKpis,
  useScoreOverview,
  useSegmentMovement,
} from './dashboard-api.ts';
import { KpiTiles } from './KpiTiles.tsx';
import { MarketingSpendCard } from './MarketingSpendCard.tsx';
import { HoldoutChart, ModelCard } from './ModelCharts.tsx';
import { monthShift, PERIOD_PRESETS, type PeriodPreset, presetPeriod, todayIn } from './period.ts';
import { RfmGridChart, SegmentHistoryChart, SegmentSizesChart } from './RfmCharts.tsx';
import { RFM_SEGMENTS } from './scores-api.ts';
import { ClvHistogramChart, PAliveHeatmap, SectionTitle, TopCustomers } from './ValueCharts.tsx';

/**
 * The analytics dashboard: KPI tiles against the previous period, RFM grid, segment sizes and
 * their history, CLV distribution and top customers, P(alive) map, cohort retention and the
 * model check. Filters: period (KPIs and cohorts), order source (KPIs, cohorts and every score
 * chart except the per-run history, which is recorded for the whole book) and RFM segment (score
 * charts).
 */
export function AnalyticsPage() {
  const { t } = useTranslation('analytics');
  const fmt = useFormatters();
  const { timeZone } = useDisplaySettings();
  const { scopeOf } = useSession();
  const wholeBook = scopeOf('analytics') === 'all';
  const [preset, setPreset] = useState<PeriodPreset | 'custom'>('last30');
  const today = todayIn(timeZone);
  const [custom, setCustom] = useState(() => presetPeriod('last30', today));
  const period = preset === 'custom' ? custom : presetPeriod(preset, today);
  const [source, setSource] = useState<string | null>(null);
  const [segment, setSegment] = useState<string | null>(null);
  const toMonth = period.to.slice(0, 7);
  const kpis = useKpis(period.from, period.to, source ?? undefined);
  const cohorts = useCohorts(monthShift(toMonth, -11), toMonth, source ?? undefined);
  const overview = useScoreOverview(segment ?? undefined, source ?? undefined);
  const movement = useSegmentMovement(wholeBook);
  const holdout = useHoldoutCheck(wholeBook);
  const previous = kpis.data?.currencies[0]?.previous;
  const others = kpis.data?.currencies.filter((c) => c.currency !== kpis.data?.businessCurrency) ?? [];
  const day = (d: string) => fmt.date(`${d}T12:00:00Z`);

  return (
    <Stack gap="md" data-testid="analytics-dashboard">
      <div>
        <Title order={2}>{t('dashboard.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('dashboard.subtitle')}
        </Text>
      </div>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('dashboard.period')}
          value={preset}
          onChange={(v) => v && setPreset(v as PeriodPreset | 'custom')}
          data={[
            ...PERIOD_PRESETS.map((p) => ({ value: p, label: t(`dashboard.presets.${p}`) })),
            { value: 'custom', label: `${t('dashboard.from')} – ${t('dashboard.to')}` },
          ]}
          w={200}
          allowDeselect={false}
          data-testid="filter-period"
        />
        {preset === 'custom' && (
          <>
            <TextInput
              type="date"
              label={t('dashboard.from')}
              value={custom.from}
              onChange={(e) => setCustom({ ...custom, from: e.currentTarget.value })}
              w={170}
            />
            <TextInput
              type="date"
              label={t('dashboard.to')}
              value={custom.to}
              onChange={(e) => setCustom({ ...custom, to: e.currentTarget.value })}
              w={170}
            />
          </>
        )}
        <Select
          label={t('dashboard.source')}
          placeholder={t('dashboard.allSources')}
          value={source}
          onChange={setSource}
          clearable
          data={ORDER_SOURCES.map((s) => ({ value: s, label: t(`dashboard.sources.${s}`) }))}
          w={200}
        />
        <Select
          label={t('dashboard.segmentFilter')}
          placeholder={t('dashboard.allSegments')}
          value={segment}
          onChange={setSegment}
          clearable
          data={RFM_SEGMENTS.map((s) => ({ value: s, label: t(`segments.${s}`) }))}
          w={220}
        />
      </Group>
      <div>
        <KpiTiles data={kpis.data} loading={kpis.isLoading} />
        <Text size="xs" c="dimmed" mt={6}>
          {day(period.from)} – {day(period.to)}
          {previous ? ` · ${t('dashboard.vsPrevious', { from: day(previous.from), to: day(previous.to) })}` : ''}
        </Text>
        {kpis.error && <Alert color="red">{kpis.error.message}</Alert>}
      </div>
      {others.map((c) => (
        <div key={c.currency}>
          <Text fw={600} size="sm" mb={4}>
            {t('dashboard.otherCurrency', { currency: c.currency })}
          </Text>
          <KpiTiles data={kpis.data} currency={c.currency} />
        </div>
      ))}
      <SectionTitle>RFM</SectionTitle>
      {!overview.isLoading && !overview.data?.run && <Alert color="blue">{t('dashboard.noScores')}</Alert>}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <RfmGridChart data={overview.data} loading={overview.isLoading} />
        <SegmentSizesChart data={overview.data} loading={overview.isLoading} />
      </SimpleGrid>
      {source && (
        <Text size="xs" c="dimmed" data-testid="scores-source-note">
          {t('dashboard.sourceScoresNote', { source: t(`dashboard.sources.${source as OrderSource}`) })}
        </Text>
      )}
      {wholeBook && <SegmentHistoryChart data={movement.data} loading={movement.isLoading} source={source} />}
      <SectionTitle>CLV</SectionTitle>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ClvHistogramChart data={overview.data} loading={overview.isLoading} />
        <PAliveHeatmap data={overview.data} loading={overview.isLoading} />
      </SimpleGrid>
      <TopCustomers data={overview.data} loading={overview.isLoading} />
      <SectionTitle>{t('dashboard.cohortsSection')}</SectionTitle>
      <CohortChart data={cohorts.data} loading={cohorts.isLoading} />
      {wholeBook && (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <HoldoutChart data={holdout.data} loading={holdout.isLoading} error={holdout.error?.message} />
          <Stack>
            <ModelCard data={overview.data} />
            <MarketingSpendCard from={monthShift(toMonth, -11)} to={toMonth} />
          </Stack>
        </SimpleGrid>
      )}
    </Stack>
  );
}
