import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Asks why a deal was lost; a lost deal always carries its reason. */
export function LostReasonModal({
  opened,
  busy,
  onCancel,
  onConfirm,
}: {
  opened: boolean;
  busy?: boolean;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const { t } = useTranslation('deals');
  const [reason, setReason] = useState('');
  const trimmed = reason.trim();
  return (
    <Modal opened={opened} onClose={onCancel} title={t('board.lostTitle')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (trimmed) onConfirm(trimmed);
        }}
      >
        <Stack>
          <TextInput
            label={t('deal.lostReason')}
            placeholder={t('deal.lostReasonPlaceholder')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
            data-autofocus
            maxLength={500}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('deal.cancel')}
            </Button>
            <Button type="submit" color="red" disabled={!trimmed} loading={busy}>
              {t('board.confirmLost')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
