import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../format/use-formatters.ts';
import type { DraftTotals } from './quote-preview.ts';

function Row({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <Group justify="space-between" gap="xl">
      <Text size={strong ? 'md' : 'sm'} c={strong ? undefined : 'dimmed'} fw={strong ? 700 : undefined}>
        {label}
      </Text>
      <Text size={strong ? 'md' : 'sm'} fw={strong ? 700 : undefined}>
        {value}
      </Text>
    </Group>
  );
}

/** Subtotal, discount, net, VAT and the grand total of a quote (saved or being edited). */
export function QuoteTotals({ totals, currency }: { totals: DraftTotals; currency?: string }) {
  const { t } = useTranslation('quotes');
  const fmt = useFormatters();
  const money = (v: number) => fmt.money(v, currency);
  return (
    <Stack gap={4} miw={280} data-testid="quote-totals">
      <Row label={t('totals.subtotal')} value={money(totals.subtotalSatang)} />
      <Row label={t('totals.discount')} value={totals.discountSatang ? `-${money(totals.discountSatang)}` : '—'} />
      <Row label={t('totals.net')} value={money(totals.netSatang)} />
      <Row label={t('totals.vat')} value={money(totals.vatSatang)} />
      <Row label={t('totals.total')} value={money(totals.totalSatang)} strong />
    </Stack>
  );
}
