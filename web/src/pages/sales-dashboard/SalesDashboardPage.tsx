import { Button, Group, SegmentedControl, Select, SimpleGrid, Stack } from '@mantine/core';
import { IconTarget } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { usersApi } from '../../api/endpoints.ts';
import { useSession } from '../../auth/session-context.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useDisplaySettings } from '../../format/display-settings.ts';
import { useTeamsQuery } from '../../queries/teams.ts';
import { ForecastChart } from './ForecastChart.tsx';
import { salesApi, salesKeys, type Who } from './forecasts-api.ts';
import { OwnersTable } from './OwnersTable.tsx';
import { PipelineStageChart } from './PipelineStageChart.tsx';
import { QuotaModal } from './QuotaModal.tsx';
import { RevenueChart } from './RevenueChart.tsx';
import { SalesKpiTiles } from './SalesKpiTiles.tsx';
import { currentPeriod, displayPeriod, type PeriodKind, periodChoices, periodRange } from './sales-period.ts';
import { WinLossChart } from './WinLossChart.tsx';

/** "user:<id>" or "team:<id>" from the picker, as API filters. */
function whoOf(value: string): Who {
  if (value.startsWith('user:')) return { userId: value.slice(5) };
  if (value.startsWith('team:')) return { teamId: value.slice(5) };
  return {};
}

/**
 * The sales dashboard (/sales): a month or quarter, whose figures (managers and admins pick
 * a person or team), KPI tiles against the period before, forecast against quota, revenue
 * by month against last year, the open pipeline by stage, won/lost by reason, per owner.
 */
export function SalesDashboardPage() {
  const { t, i18n } = useTranslation('forecasts');
  const { user, scopeOf, can } = useSession();
  const { timeZone, buddhistEra } = useDisplaySettings();
  const [params, setParams] = useSearchParams();
  const [quotaOpen, setQuotaOpen] = useState(false);
  const scope = scopeOf('sales');
  const kind: PeriodKind = params.get('kind') === 'month' ? 'month' : 'quarter';
  const period = params.get('period') ?? currentPeriod(kind, timeZone);
  const whoValue = scope === 'own' ? '' : (params.get('who') ?? '');
  const who = whoOf(whoValue);
  const range = periodRange(period);
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };

  const users = useQuery({
    queryKey: ['users', 'options'],
    queryFn: () => usersApi.list({ limit: 200 }),
    enabled: scope !== 'own' && can('users'),
    staleTime: 60_000,
  });
  const teams = useTeamsQuery(scope !== 'own' && can('teams'));
  const people = useMemo(
    () =>
      (users.data?.items ?? []).filter(
        (u) =>
          u.status === 'active' && (scope === 'all' || u.id === user.id || (user.teamId && u.teamId === user.teamId)),
      ),
    [users.data, scope, user],
  );
  // Admins pick any team; a manager only their own (for its quota).
  const teamOptions = useMemo(
    () =>
      (teams.data?.items ?? [])
        .filter((team) => scope === 'all' || team.id === user.teamId)
        .map((team) => ({ value: team.id, label: team.name })),
    [teams.data, scope, user.teamId],
  );
  const whoOptions = [
    { value: '', label: t('dashboard.everyone') },
    ...(scope === 'all' ? teamOptions : []).map((o) => ({
      value: `team:${o.value}`,
      label: t('dashboard.team', { name: o.label }),
    })),
    ...people.map((u) => ({
      value: `user:${u.id}`,
      label: u.id === user.id ? `${u.name} (${t('dashboard.me')})` : u.name,
    })),
  ];
  const periods = periodChoices(kind, timeZone).map((p) => ({
    value: p,
    label: displayPeriod(p, i18n.language, buddhistEra),
  }));
  const periodName = displayPeriod(period, i18n.language, buddhistEra);

  const common = { placeholderData: keepPreviousData };
  const forecast = useQuery({
    queryKey: [...salesKeys.all, 'forecast', period, who],
    queryFn: () => salesApi.forecast(period, who),
    ...common,
  });
  const kpis = useQuery({
    queryKey: [...salesKeys.all, 'kpis', range.from, range.to, who],
    queryFn: () => salesApi.kpis(range.from, range.to, who),
    ...common,
  });
  const revenue = useQuery({
    queryKey: [...salesKeys.all, 'revenue', range.year, who],
    queryFn: () => salesApi.revenue(range.year, who),
    ...common,
  });
  const canSetQuota = can('sales', 'update') && scope !== 'own';

  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        description={t('dashboard.subtitle')}
        actions={
          <>
            <SegmentedControl
              aria-label={t('dashboard.periodKind')}
              data={[
                { value: 'month', label: t('dashboard.month') },
                { value: 'quarter', label: t('dashboard.quarter') },
              ]}
              value={kind}
              onChange={(v) => set({ kind: v === 'month' ? 'month' : null, period: null })}
            />
            <Select
              aria-label={t('dashboard.period')}
              data={periods}
              value={period}
              onChange={(v) => set({ period: v })}
              allowDeselect={false}
              w={170}
              data-testid="period-select"
            />
            {scope !== 'own' && (
              <Select
                aria-label={t('dashboard.who')}
                data={whoOptions}
                value={whoValue}
                onChange={(v) => set({ who: v || null })}
                allowDeselect={false}
                searchable
                w={220}
                data-testid="who-select"
              />
            )}
            {canSetQuota && (
              <Button leftSection={<IconTarget size={16} />} onClick={() => setQuotaOpen(true)} data-testid="set-quota">
                {t('dashboard.setQuota')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="md">
        <ProblemAlert error={forecast.error ?? kpis.error ?? revenue.error} />
        <SalesKpiTiles data={kpis.data} loading={kpis.isLoading} />
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <ForecastChart data={forecast.data} periodName={periodName} loading={forecast.isLoading} />
          <RevenueChart data={revenue.data} loading={revenue.isLoading} />
          <PipelineStageChart
            stages={kpis.data?.pipelineByStage}
            currency={kpis.data?.currency}
            loading={kpis.isLoading}
          />
          <WinLossChart data={kpis.data?.current} loading={kpis.isLoading} />
        </SimpleGrid>
        <OwnersTable data={forecast.data} />
      </Stack>
      <Group>
        {quotaOpen && (
          <QuotaModal
            period={period}
            periods={periods}
            users={people.map((u) => ({ value: u.id, label: u.name }))}
            teams={teamOptions}
            onClose={() => setQuotaOpen(false)}
          />
        )}
      </Group>
    </>
  );
}
