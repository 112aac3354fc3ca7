import { Button, Group, Modal, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { bahtText, parseBaht } from '../../format/baht-input.ts';
import { productApi, salesKeys } from '../../queries/sales-api.ts';
import { type Product, VAT_MODES, type VatMode } from '../../queries/sales-types.ts';

/** Adds a product, or edits one (SKU included; the server keeps SKUs unique). */
export function ProductModal({ product, onClose }: { product: Product | null; onClose: () => void }) {
  const { t } = useTranslation('sales');
  const queryClient = useQueryClient();
  const [sku, setSku] = useState(product?.sku ?? '');
  const [nameTh, setNameTh] = useState(product?.nameTh ?? '');
  const [nameEn, setNameEn] = useState(product?.nameEn ?? '');
  const [kind, setKind] = useState<'product' | 'service'>(product?.kind ?? 'product');
  const [category, setCategory] = useState(product?.category ?? '');
  const [unit, setUnit] = useState(product?.unit ?? '');
  const [price, setPrice] = useState(product ? bahtText(product.unitPriceSatang) : '');
  const [vatMode, setVatMode] = useState<VatMode>(product?.vatMode ?? 'included');
  const satang = parseBaht(price);
  const save = useMutation({
    mutationFn: () => {
      const input = {
        sku: sku.trim(),
        kind,
        nameTh: nameTh.trim(),
        nameEn: nameEn.trim() || null,
        category: category.trim() || null,
        unit: unit.trim() || null,
        unitPriceSatang: satang ?? -1,
        vatMode,
      };
      return product ? productApi.update(product.id, input) : productApi.create(input);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: salesKeys.products });
      onClose();
    },
  });

  return (
    <Modal opened onClose={onClose} title={product ? t('products.edit') : t('products.add')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <ProblemAlert error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('products.sku')} value={sku} onChange={(e) => setSku(e.currentTarget.value)} required />
          <Select
            label={t('products.kind')}
            data={(['product', 'service'] as const).map((k) => ({ value: k, label: t(`products.kinds.${k}`) }))}
            value={kind}
            onChange={(v) => v && setKind(v as 'product' | 'service')}
            allowDeselect={false}
          />
          <TextInput
            label={t('products.nameTh')}
            value={nameTh}
            onChange={(e) => setNameTh(e.currentTarget.value)}
            required
          />
          <TextInput label={t('products.nameEn')} value={nameEn} onChange={(e) => setNameEn(e.currentTarget.value)} />
          <TextInput
            label={t('products.category')}
            value={category}
            onChange={(e) => setCategory(e.currentTarget.value)}
          />
          <TextInput label={t('products.unit')} value={unit} onChange={(e) => setUnit(e.currentTarget.value)} />
          <TextInput
            label={t('products.price')}
            description={t('products.priceHint')}
            value={price}
            onChange={(e) => setPrice(e.currentTarget.value)}
            error={price !== '' && satang === null ? t('products.badPrice') : undefined}
            inputMode="decimal"
            required
          />
          <Select
            label={t('products.vat')}
            data={VAT_MODES.map((m) => ({ value: m, label: t(`products.vatModes.${m}`) }))}
            value={vatMode}
            onChange={(v) => v && setVatMode(v as VatMode)}
            allowDeselect={false}
          />
        </SimpleGrid>
        <Group justify="flex-end" mt="lg">
          <Button type="submit" loading={save.isPending} disabled={satang === null}>
            {t('products.save')}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
