import { ActionIcon, Button, Group, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { parseBaht } from '../../format/baht-input.ts';
import { useFormatters } from '../../format/use-formatters.ts';
import { productApi, salesKeys } from '../../queries/sales-api.ts';
import type { Product, VatMode } from '../../queries/sales-types.ts';

/** A line as typed: money as baht text, so a half-typed "12." is not lost. */
export interface EditorLine {
  key: number;
  /** A free text line (no product). */
  free: boolean;
  productId: string | null;
  descriptionTh: string;
  descriptionEn: string;
  quantity: number;
  price: string;
  discount: string;
  vatMode: VatMode;
  vatRateBp: number;
  /** The price came from the customer's price list (not typed). */
  listPrice: boolean;
  /** The user typed the price: it is sent; otherwise the server prices a product line itself. */
  typed: boolean;
}

let nextKey = 1;
export function newLine(free = false): EditorLine {
  return {
    key: nextKey++,
    free,
    productId: null,
    descriptionTh: '',
    descriptionEn: '',
    quantity: 1,
    price: '',
    discount: '',
    vatMode: 'included',
    vatRateBp: 700,
    listPrice: false,
    typed: false,
  };
}

/** Satang of a baht field, 0 when empty, null when not an amount. */
export const satangOf = (text: string): number | null => (text.trim() ? parseBaht(text) : 0);

/**
 * The lines of a quote: a product (picked from the catalogue, priced from the customer's
 * price list by the parent) or a free line, each with quantity, unit price and discount.
 */
export function QuoteLinesEditor({
  lines,
  onChange,
  onProduct,
  currency,
}: {
  lines: EditorLine[];
  onChange: (lines: EditorLine[]) => void;
  onProduct: (line: EditorLine, product: Product) => void;
  currency: string;
}) {
  const { t, i18n } = useTranslation('quotes');
  const fmt = useFormatters();
  const catalogue = useQuery({
    queryKey: [...salesKeys.products, 'quote-picker'],
    queryFn: () => productApi.list({ active: 'true', limit: 200 }),
  });
  const products = catalogue.data?.items ?? [];
  const options = products.map((p) => ({
    value: p.id,
    label: `${p.sku} · ${i18n.language === 'en' && p.nameEn ? p.nameEn : p.nameTh}`,
  }));
  const set = (line: EditorLine) => onChange(lines.map((l) => (l.key === line.key ? line : l)));
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={820}>
        <Table verticalSpacing="xs" data-testid="quote-lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('editor.product')}</Table.Th>
              <Table.Th w={90}>{t('editor.quantity')}</Table.Th>
              <Table.Th w={130}>{t('editor.unitPrice')}</Table.Th>
              <Table.Th w={120}>{t('editor.discount')}</Table.Th>
              <Table.Th w={120} ta="right">
                {t('editor.amount')}
              </Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line, i) => {
              const price = satangOf(line.price);
              const discount = satangOf(line.discount);
              const amount = price !== null && discount !== null ? price * line.quantity - discount : null;
              return (
                <Table.Tr key={line.key}>
                  <Table.Td>
                    <Stack gap={4}>
                      {!line.free && (
                        <Select
                          aria-label={`${t('editor.product')} ${i + 1}`}
                          placeholder={t('editor.product')}
                          data={options}
                          value={line.productId}
                          searchable
                          onChange={(v) => {
                            const product = products.find((p) => p.id === v);
                            if (product) onProduct({ ...line, productId: product.id }, product);
                          }}
                        />
                      )}
                      <TextInput
                        aria-label={`${t('editor.description')} ${i + 1}`}
                        placeholder={line.free ? t('editor.freeLine') : t('editor.description')}
                        value={line.descriptionTh}
                        onChange={(e) => set({ ...line, descriptionTh: e.currentTarget.value })}
                        size="xs"
                      />
                      {line.listPrice && (
                        <Text size="xs" c="teal">
                          {t('editor.priceFromList')}
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={`${t('editor.quantity')} ${i + 1}`}
                      value={line.quantity}
                      min={1}
                      max={1_000_000}
                      allowDecimal={false}
                      onChange={(v) => set({ ...line, quantity: Math.max(1, Number(v) || 1) })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`${t('editor.unitPrice')} ${i + 1}`}
                      value={line.price}
                      inputMode="decimal"
                      error={price === null}
                      onChange={(e) => set({ ...line, price: e.currentTarget.value, listPrice: false, typed: true })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`${t('editor.discount')} ${i + 1}`}
                      value={line.discount}
                      inputMode="decimal"
                      error={discount === null || (amount !== null && amount < 0)}
                      onChange={(e) => set({ ...line, discount: e.currentTarget.value })}
                    />
                  </Table.Td>
                  <Table.Td ta="right">{amount === null ? '—' : fmt.money(amount, currency)}</Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={t('editor.remove')}
                      onClick={() => onChange(lines.filter((l) => l.key !== line.key))}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group gap="xs">
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...lines, newLine()])}
        >
          {t('editor.addProduct')}
        </Button>
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...lines, newLine(true)])}
        >
          {t('editor.addFree')}
        </Button>
      </Group>
    </Stack>
  );
}
