import { Badge, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../format/use-formatters.ts';
import type { KpiFigures, Kpis } from './dashboard-api.ts';

type Kind = 'money' | 'count' | 'ratio' | 'decimal';
/** Whether a rise is good news (churn and CAC going up is not). */
const TILES: { key: keyof KpiFigures; label: string; kind: Kind; upIsGood: boolean; hint?: string }[] = [
  { key: 'revenueSatang', label: 'revenue', kind: 'money', upIsGood: true },
  { key: 'customers', label: 'customers', kind: 'count', upIsGood: true },
  { key: 'newCustomers', label: 'newCustomers', kind: 'count', upIsGood: true },
  { key: 'orders', label: 'orders', kind: 'count', upIsGood: true },
  { key: 'averageOrderValueSatang', label: 'aov', kind: 'money', upIsGood: true },
  { key: 'purchaseFrequency', label: 'frequency', kind: 'decimal', upIsGood: true },
  { key: 'revenuePerCustomerSatang', label: 'revenuePerCustomer', kind: 'money', upIsGood: true },
  { key: 'repeatPurchaseRate', label: 'repeatRate', kind: 'ratio', upIsGood: true, hint: 'repeatHint' },
  { key: 'churnRate', label: 'churnRate', kind: 'ratio', upIsGood: false, hint: 'churnHint' },
  { key: 'newRevenueSatang', label: 'newRevenue', kind: 'money', upIsGood: true },
  { key: 'returningRevenueSatang', label: 'returningRevenue', kind: 'money', upIsGood: true },
  { key: 'shareOfWallet', label: 'shareOfWallet', kind: 'ratio', upIsGood: true, hint: 'walletHint' },
  { key: 'cacSatang', label: 'cac', kind: 'money', upIsGood: false, hint: 'cacHint' },
];

/** KPI tiles of one currency: the period's figure and its change against the previous period. */
export function KpiTiles({ data, currency, loading }: { data?: Kpis; currency?: string; loading?: boolean }) {
  const { t, i18n } = useTranslation('analytics');
  const fmt = useFormatters();
  const block = data?.currencies.find((c) => c.currency === (currency ?? data.businessCurrency));
  const pct = new Intl.NumberFormat(i18n.language === 'th' ? 'th-TH' : 'en-US', {
    style: 'percent',
    maximumFractionDigits: 1,
  });
  const show = (v: number | string | null, kind: Kind, cur: string) => {
    if (v === null || typeof v === 'string') return t('dashboard.kpi.notAvailable');
    if (kind === 'money') return fmt.money(v, cur);
    if (kind === 'ratio') return pct.format(v);
    if (kind === 'decimal') return v.toFixed(2);
    return fmt.number(v);
  };
  if (loading || !block) {
    return (
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }}>
        {TILES.slice(0, 10).map((tile) => (
          <Skeleton key={tile.key} h={92} radius="md" />
        ))}
      </SimpleGrid>
    );
  }
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} data-testid="kpi-tiles">
      {TILES.map((tile) => {
        const now = block.current[tile.key] as number | null;
        const before = block.previous[tile.key] as number | null;
        const change = now !== null && before !== null && before !== 0 ? (now - before) / Math.abs(before) : null;
        const good = change === null || change === 0 ? null : change > 0 === tile.upIsGood;
        const hint = tile.hint
          ? t(`dashboard.kpi.${tile.hint}` as 'dashboard.kpi.churnHint', { n: block.current.walletCustomers })
          : undefined;
        const body = (
          <Paper withBorder radius="md" p="sm" h="100%" data-testid={`kpi-${tile.key}`}>
            <Stack gap={4}>
              <Text size="xs" c="dimmed" lineClamp={1}>
                {t(`dashboard.kpi.${tile.label}` as 'dashboard.kpi.revenue')}
              </Text>
              <Text fw={700} size="lg" data-testid="kpi-value">
                {show(now, tile.kind, block.currency)}
              </Text>
              <Group gap={6} wrap="nowrap">
                {change !== null ? (
                  <Badge
                    size="sm"
                    variant="light"
                    color={good === null ? 'gray' : good ? 'teal' : 'red'}
                    leftSection={change >= 0 ? <IconArrowUpRight size={12} /> : <IconArrowDownRight size={12} />}
                  >
                    {pct.format(change)}
                  </Badge>
                ) : (
                  <Text size="xs" c="dimmed">
                    {before === null ? t('dashboard.kpi.notAvailable') : show(before, tile.kind, block.currency)}
                  </Text>
                )}
              </Group>
            </Stack>
          </Paper>
        );
        return hint ? (
          <Tooltip key={tile.key} label={hint} multiline w={260}>
            {body}
          </Tooltip>
        ) : (
          <div key={tile.key}>{body}</div>
        );
      })}
    </SimpleGrid>
  );
}
