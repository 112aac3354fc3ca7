import { ActionIcon, Button, Group, NumberInput, Select, Stack } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../format/use-formatters.ts';
import { productApi, salesKeys } from '../../queries/sales-api.ts';
import { localName } from './deal-format.ts';

export interface ProductLine {
  productId: string | null;
  quantity: number;
}

/** Products of a new deal, each with a quantity; the deal's value defaults to their sum. */
export function DealProductsInput({ lines, onChange }: { lines: ProductLine[]; onChange: (l: ProductLine[]) => void }) {
  const { t, i18n } = useTranslation('deals');
  const fmt = useFormatters();
  const catalogue = useQuery({
    queryKey: [...salesKeys.products, 'deal-picker'],
    queryFn: () => productApi.list({ active: 'true', limit: 200 }),
  });
  const options = (catalogue.data?.items ?? []).map((p) => ({
    value: p.id,
    label: `${localName(p, i18n.language)} · ${fmt.money(p.unitPriceSatang, p.currency)}`,
  }));
  const set = (i: number, line: ProductLine) => onChange(lines.map((l, j) => (j === i ? line : l)));
  return (
    <Stack gap="xs">
      {lines.map((line, i) => (
        <Group key={i} gap="xs" wrap="nowrap">
          <Select
            aria-label={t('deal.product')}
            placeholder={t('deal.product')}
            data={options}
            value={line.productId}
            onChange={(v) => set(i, { ...line, productId: v })}
            searchable
            style={{ flex: 1 }}
          />
          <NumberInput
            aria-label={t('deal.quantity')}
            value={line.quantity}
            min={1}
            max={1_000_000}
            allowDecimal={false}
            onChange={(v) => set(i, { ...line, quantity: Math.max(1, Number(v) || 1) })}
            w={90}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={t('deal.removeProduct')}
            onClick={() => onChange(lines.filter((_, j) => j !== i))}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="subtle"
        size="xs"
        leftSection={<IconPlus size={14} />}
        onClick={() => onChange([...lines, { productId: null, quantity: 1 }])}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('deal.addProduct')}
      </Button>
    </Stack>
  );
}
