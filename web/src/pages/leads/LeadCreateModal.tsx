import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { LEAD_SOURCES, type LeadInput, type LeadSource, leadApi, leadKeys } from './leads-api.ts';

const FIELDS = ['firstName', 'lastName', 'company', 'jobTitle', 'email', 'phone', 'lineId', 'province'] as const;
type Field = (typeof FIELDS)[number];

/** A lead entered by hand; without an owner the server's assignment rules pick one. */
export function LeadCreateModal({ onClose, onCreated }: { onClose: () => void; onCreated?: (id: string) => void }) {
  const { t } = useTranslation('leads');
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<Field, string>>(
    Object.fromEntries(FIELDS.map((f) => [f, ''])) as Record<Field, string>,
  );
  const [source, setSource] = useState<LeadSource>('manual');
  const [notes, setNotes] = useState('');
  const create = useMutation({
    mutationFn: () => {
      const input: LeadInput = { source };
      for (const f of FIELDS) if (values[f].trim()) input[f] = values[f].trim();
      if (notes.trim()) input.notes = notes.trim();
      return leadApi.create(input);
    },
    onSuccess: (lead) => {
      void queryClient.invalidateQueries({ queryKey: leadKeys.all });
      onClose();
      onCreated?.(lead.id);
    },
  });
  const filled = ['firstName', 'lastName', 'company', 'email', 'phone', 'lineId'].some(
    (f) => values[f as Field].trim() !== '',
  );
  const input = (f: Field) => (
    <TextInput
      key={f}
      label={t(`lead.${f}`)}
      name={f}
      value={values[f]}
      onChange={(e) => {
        const v = e.currentTarget.value;
        setValues((old) => ({ ...old, [f]: v }));
      }}
    />
  );
  return (
    <Modal opened onClose={onClose} title={t('create.title')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (filled) create.mutate();
        }}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {t('create.hint')}
          </Text>
          <ProblemAlert error={create.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>{FIELDS.map(input)}</SimpleGrid>
          <Select
            label={t('lead.source')}
            data={LEAD_SOURCES.map((s) => ({ value: s, label: t(`lead.sources.${s}`) }))}
            value={source}
            onChange={(v) => v && setSource(v as LeadSource)}
            allowDeselect={false}
          />
          <Textarea label={t('lead.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('create.cancel')}
            </Button>
            <Button type="submit" disabled={!filled} loading={create.isPending}>
              {t('create.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
