import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Asks why a lead is disqualified; a disqualified lead always carries its reason. */
export function DisqualifyModal({
  busy,
  onCancel,
  onConfirm,
}: {
  busy?: boolean;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const { t } = useTranslation('leads');
  const [reason, setReason] = useState('');
  const trimmed = reason.trim();
  return (
    <Modal opened onClose={onCancel} title={t('drawer.disqualifyTitle')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (trimmed) onConfirm(trimmed);
        }}
      >
        <Stack>
          <TextInput
            label={t('lead.disqualifyReason')}
            placeholder={t('drawer.reasonPlaceholder')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
            data-autofocus
            maxLength={500}
            name="reason"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('drawer.cancel')}
            </Button>
            <Button type="submit" color="red" disabled={!trimmed} loading={busy}>
              {t('drawer.confirmDisqualify')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
