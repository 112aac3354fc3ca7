import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { bahtText, parseBaht } from '../../format/baht-input.ts';
import { dealApi, dealKeys } from '../../queries/deals-api.ts';
import type { Deal } from '../../queries/deals-types.ts';

/** Title, value, expected close date and note of a deal, saved together. */
export function DealEditForm({ deal, onDone }: { deal: Deal; onDone: () => void }) {
  const { t } = useTranslation('deals');
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(deal.title);
  const [value, setValue] = useState(bahtText(deal.valueSatang));
  const [closeOn, setCloseOn] = useState(deal.expectedCloseOn ?? '');
  const [note, setNote] = useState(deal.note ?? '');
  const satang = parseBaht(value);
  const save = useMutation({
    mutationFn: () =>
      dealApi.update(deal.id, {
        title: title.trim(),
        valueSatang: satang ?? deal.valueSatang,
        expectedCloseOn: closeOn || null,
        note: note.trim() || null,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: dealKeys.all });
      onDone();
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (title.trim() && satang !== null) save.mutate();
      }}
    >
      <Stack gap="xs">
        <ProblemAlert error={save.error} />
        <TextInput
          label={t('deal.title')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          required
          maxLength={200}
        />
        <Group grow>
          <TextInput
            label={t('deal.value')}
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
        </Group>
        <Textarea label={t('deal.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('deal.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!title.trim() || satang === null}>
            {t('deal.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
