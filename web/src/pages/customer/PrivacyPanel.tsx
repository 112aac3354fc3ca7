import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDownload, IconEraser, IconFileText } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session-context.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { customerKeys } from '../../queries/customers.ts';
import { customerApi } from '../../queries/customers-api.ts';
import type { CustomerProfile } from '../../queries/customers-types.ts';

function download(fileName: string, data: unknown): void {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** PDPA data-subject requests: a copy of everything held (export) and erasure, for the roles allowed them. */
export function PrivacyPanel({ customer }: { customer: CustomerProfile }) {
  const { t } = useTranslation('profile');
  const { t: tc } = useTranslation();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [erasing, setErasing] = useState(false);
  const [typed, setTyped] = useState('');
  const [reason, setReason] = useState('');
  const word = t('privacy.eraseWord');

  const exportData = useMutation({
    mutationFn: () => customerApi.dataExport(customer.id),
    onSuccess: (data) => {
      download(`customer-${customer.id}.json`, data);
      notifications.show({ color: 'teal', message: t('privacy.exported') });
    },
  });
  const erase = useMutation({
    mutationFn: () => customerApi.erase(customer.id, reason.trim() || undefined),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('privacy.erased') });
      setErasing(false);
      void queryClient.invalidateQueries({ queryKey: customerKeys.all });
    },
  });
  const active = (customer.status ?? 'active') === 'active';

  return (
    <Stack data-testid="privacy-panel">
      <Text size="sm" c="dimmed">
        {t('privacy.subtitle')}
      </Text>
      <ProblemAlert error={exportData.error} />
      <Group>
        {can('customers', 'export') && (
          <Button
            variant="light"
            leftSection={<IconDownload size={16} />}
            loading={exportData.isPending}
            onClick={() => exportData.mutate()}
          >
            {t('privacy.export')}
          </Button>
        )}
        {can('customers', 'export') && (
          <Button
            component="a"
            variant="subtle"
            leftSection={<IconFileText size={16} />}
            href={`/api/v1/customers/${encodeURIComponent(customer.id)}/data-export.txt`}
            download
          >
            {t('privacy.summary')}
          </Button>
        )}
        {can('customers', 'delete') && active && (
          <Button color="red" variant="light" leftSection={<IconEraser size={16} />} onClick={() => setErasing(true)}>
            {t('privacy.erase')}
          </Button>
        )}
      </Group>
      <Modal opened={erasing} onClose={() => setErasing(false)} title={t('privacy.eraseTitle')}>
        <Stack>
          <Alert color="red" icon={<IconAlertTriangle size={18} />}>
            {t('privacy.eraseWarning')}
          </Alert>
          <ProblemAlert error={erase.error} />
          <TextInput label={t('privacy.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <TextInput
            label={t('privacy.eraseConfirmLabel', { word })}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            data-testid="erase-confirm"
            autoComplete="off"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setErasing(false)}>
              {tc('common.cancel')}
            </Button>
            <Button
              color="red"
              disabled={typed.trim() !== word}
              loading={erase.isPending}
              onClick={() => erase.mutate()}
            >
              {t('privacy.erase')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
