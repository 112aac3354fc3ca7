import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useLabel } from '../../queries/customers.ts';
import { customerApi } from '../../queries/customers-api.ts';
import {
  CONSENT_CHANNELS,
  CONSENT_STATUSES,
  type ConsentPurpose,
  LAWFUL_BASES,
} from '../../queries/customers-types.ts';
import { fieldErrorsOf } from '../customers/field-errors.ts';

/** Records one consent decision (granted, withdrawn or refused) as told to staff. */
export function ConsentRecordModal({
  customerId,
  purposes,
  initial,
  onClose,
  onSaved,
}: {
  customerId: string;
  purposes: ConsentPurpose[];
  initial: { purpose?: string; channel?: string };
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('profile');
  const { t: tc } = useTranslation();
  const label = useLabel();
  const [purpose, setPurpose] = useState<string | null>(initial.purpose ?? purposes[0]?.code ?? null);
  const [channel, setChannel] = useState<string | null>(initial.channel ?? 'email');
  const [status, setStatus] = useState<string | null>('granted');
  const [lawfulBasis, setLawfulBasis] = useState<string | null>(null);
  const [note, setNote] = useState('');

  const basisOf = (code: string | null) => purposes.find((p) => p.code === code)?.lawfulBasis ?? 'consent';

  const record = useMutation({
    mutationFn: () =>
      customerApi.recordConsent(customerId, {
        purpose: purpose ?? '',
        channel: channel ?? '',
        status: status ?? '',
        lawfulBasis: lawfulBasis ?? undefined,
        source: 'staff',
        note: note.trim() || undefined,
      }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('consent.recorded') });
      onSaved();
      onClose();
    },
  });
  const errors = fieldErrorsOf(record.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    record.mutate();
  }

  return (
    <Modal opened onClose={onClose} title={t('consent.recordTitle')} size="lg">
      <form onSubmit={submit} noValidate data-testid="consent-form">
        <Stack>
          <ProblemAlert error={record.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('consent.purpose')}
              data={purposes.map((p) => ({ value: p.code, label: label(p) }))}
              value={purpose}
              onChange={setPurpose}
              error={errors.purpose}
              allowDeselect={false}
              name="purpose"
            />
            <Select
              label={t('consent.channel')}
              data={CONSENT_CHANNELS.map((c) => ({ value: c, label: t(`consent.channels.${c}`) }))}
              value={channel}
              onChange={setChannel}
              error={errors.channel}
              allowDeselect={false}
              name="channel"
            />
            <Select
              label={t('consent.status')}
              data={CONSENT_STATUSES.map((s) => ({ value: s, label: t(`consent.statuses.${s}`) }))}
              value={status}
              onChange={setStatus}
              error={errors.status}
              allowDeselect={false}
              name="status"
            />
            <Select
              label={t('consent.lawfulBasis')}
              data={LAWFUL_BASES.map((b) => ({ value: b, label: t(`consent.bases.${b}`) }))}
              value={lawfulBasis}
              onChange={setLawfulBasis}
              error={errors.lawfulBasis}
              placeholder={t(`consent.bases.${basisOf(purpose)}` as 'consent.bases.consent')}
              clearable
            />
          </SimpleGrid>
          <Textarea
            label={t('consent.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.note}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {tc('common.cancel')}
            </Button>
            <Button type="submit" loading={record.isPending}>
              {tc('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
