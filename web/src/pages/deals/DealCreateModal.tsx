import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { parseBaht } from '../../format/baht-input.ts';
import { dealApi, dealKeys } from '../../queries/deals-api.ts';
import { CustomerPicker } from '../customers/CustomerPicker.tsx';
import { DealProductsInput, type ProductLine } from './DealProductsInput.tsx';

/** A new deal on the pipeline's first stage, for a chosen customer (or the profile's). */
export function DealCreateModal({
  pipelineId,
  customer,
  onClose,
  onCreated,
}: {
  pipelineId?: string;
  customer?: { id: string; name: string };
  onClose: () => void;
  onCreated?: (dealId: string) => void;
}) {
  const { t } = useTranslation('deals');
  const queryClient = useQueryClient();
  const [customerId, setCustomerId] = useState<string | null>(customer?.id ?? null);
  const [title, setTitle] = useState('');
  const [value, setValue] = useState('');
  const [closeOn, setCloseOn] = useState('');
  const [note, setNote] = useState('');
  const [lines, setLines] = useState<ProductLine[]>([]);
  const chosen = lines.flatMap((l) => (l.productId ? [{ productId: l.productId, quantity: l.quantity }] : []));
  const satang = value.trim() ? parseBaht(value) : undefined;
  const create = useMutation({
    mutationFn: () =>
      dealApi.create({
        customerId: customerId as string,
        title: title.trim(),
        ...(pipelineId ? { pipelineId } : {}),
        ...(satang === undefined || satang === null ? {} : { valueSatang: satang }),
        ...(closeOn ? { expectedCloseOn: closeOn } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(chosen.length ? { products: chosen } : {}),
      }),
    onSuccess: (deal) => {
      void queryClient.invalidateQueries({ queryKey: dealKeys.all });
      onClose();
      onCreated?.(deal.id);
    },
  });
  const valid = Boolean(customerId) && title.trim().length > 0 && satang !== null;
  return (
    <Modal opened onClose={onClose} title={t('deal.new')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) create.mutate();
        }}
      >
        <Stack>
          <ProblemAlert error={create.error} />
          {customer ? (
            <TextInput label={t('deal.customer')} value={customer.name} readOnly />
          ) : (
            <CustomerPicker
              label={t('deal.customer')}
              value={customerId}
              onChange={(id) => setCustomerId(id)}
              required
            />
          )}
          <TextInput
            label={t('deal.title')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
            maxLength={200}
            data-autofocus
          />
          <TextInput
            label={t('deal.value')}
            description={t('deal.valueHint')}
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            error={satang === null}
            inputMode="decimal"
          />
          <TextInput
            type="date"
            label={t('deal.expectedClose')}
            value={closeOn}
            onChange={(e) => setCloseOn(e.currentTarget.value)}
          />
          <DealProductsInput lines={lines} onChange={setLines} />
          <Textarea label={t('deal.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('deal.cancel')}
            </Button>
            <Button type="submit" disabled={!valid} loading={create.isPending}>
              {t('deal.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
