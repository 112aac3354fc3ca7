import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Asks for the customer's reason before a quote is marked rejected. */
export function RejectQuoteModal({
  number,
  busy,
  onReject,
  onClose,
}: {
  number: string;
  busy: boolean;
  onReject: (reason: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('quotes');
  const [reason, setReason] = useState('');
  return (
    <Modal opened onClose={onClose} title={t('detail.rejectTitle', { number })}>
      <Stack>
        <Textarea
          label={t('detail.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          required
          autosize
          minRows={2}
          maxLength={1000}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('editor.cancel')}
          </Button>
          <Button color="red" disabled={!reason.trim()} loading={busy} onClick={() => onReject(reason.trim())}>
            {t('detail.confirmReject')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
