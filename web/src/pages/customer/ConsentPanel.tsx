import { ActionIcon, Badge, Button, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLink, IconPlus, IconShieldOff } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { customerKeys, useLabel } from '../../queries/customers.ts';
import { customerApi } from '../../queries/customers-api.ts';
import { CONSENT_CHANNELS } from '../../queries/customers-types.ts';
import { CONSENT_COLOURS, ConsentHistory } from './ConsentHistory.tsx';
import { ConsentRecordModal } from './ConsentRecordModal.tsx';

/** The consent matrix (purpose × channel), one-click withdrawal, the customer's withdrawal link, and the history. */
export function ConsentPanel({ customerId, editable }: { customerId: string; editable: boolean }) {
  const { t } = useTranslation('profile');
  const label = useLabel();
  const queryClient = useQueryClient();
  const [recording, setRecording] = useState<{ purpose?: string; channel?: string } | null>(null);
  const [confirmAll, setConfirmAll] = useState(false);
  const consents = useQuery({
    queryKey: customerKeys.part(customerId, 'consents'),
    queryFn: () => customerApi.consents(customerId),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: customerKeys.one(customerId) });
  const withdraw = useMutation({
    mutationFn: (scope: { purpose?: string; channel?: string }) => customerApi.withdrawConsents(customerId, scope),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('consent.withdrawn') });
      setConfirmAll(false);
      refresh();
    },
  });
  const link = useMutation({
    mutationFn: (scope: { purpose: string; channel: string }) => customerApi.withdrawalLink(customerId, scope),
    onSuccess: async ({ path }) => {
      const url = new URL(path, window.location.origin).href;
      try {
        await navigator.clipboard.writeText(url);
        notifications.show({ color: 'teal', title: t('consent.linkCopied'), message: url });
      } catch {
        notifications.show({ color: 'blue', title: t('consent.copyLink'), message: url, autoClose: false });
      }
    },
  });

  const purposes = consents.data?.purposes ?? [];
  const history = consents.data?.history ?? [];
  const purposeName = (code: string) => {
    const found = purposes.find((p) => p.code === code);
    return found ? label(found) : code;
  };
  const anyGranted = purposes.some((p) => Object.values(p.channels).some((c) => c?.status === 'granted'));

  return (
    <Stack data-testid="consent-panel">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Text size="sm" c="dimmed" maw={560}>
          {t('consent.subtitle')}
        </Text>
        {editable && (
          <Group gap="xs">
            <Button leftSection={<IconPlus size={16} />} onClick={() => setRecording({})} data-testid="consent-record">
              {t('consent.record')}
            </Button>
            <Button
              color="orange"
              variant="light"
              leftSection={<IconShieldOff size={16} />}
              disabled={!anyGranted}
              onClick={() => setConfirmAll(true)}
              data-testid="consent-withdraw-all"
            >
              {t('consent.withdrawAll')}
            </Button>
          </Group>
        )}
      </Group>
      <ProblemAlert error={consents.error ?? link.error ?? (confirmAll ? null : withdraw.error)} />
      <Table.ScrollContainer minWidth={760}>
        <Table withTableBorder withColumnBorders data-testid="consent-matrix">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('consent.purpose')}</Table.Th>
              {CONSENT_CHANNELS.map((c) => (
                <Table.Th key={c}>{t(`consent.channels.${c}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {purposes.map((purpose) => (
              <Table.Tr key={purpose.code} data-purpose={purpose.code}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {label(purpose)}
                  </Text>
                  {purpose.lawfulBasis && purpose.lawfulBasis !== 'consent' && (
                    <Text size="xs" c="dimmed">
                      {t(`consent.bases.${purpose.lawfulBasis}` as 'consent.bases.contract', {
                        defaultValue: purpose.lawfulBasis,
                      })}
                    </Text>
                  )}
                </Table.Td>
                {CONSENT_CHANNELS.map((channel) => {
                  const entry = purpose.channels[channel] ?? null;
                  const scope = { purpose: purpose.code, channel };
                  return (
                    <Table.Td key={channel} data-channel={channel} data-status={entry?.status ?? 'none'}>
                      <Group gap={4} wrap="nowrap">
                        {entry ? (
                          <Badge size="sm" variant="light" color={CONSENT_COLOURS[entry.status] ?? 'gray'}>
                            {t(`consent.statuses.${entry.status}` as 'consent.statuses.granted', {
                              defaultValue: entry.status,
                            })}
                          </Badge>
                        ) : (
                          <Text size="xs" c="dimmed">
                            {t('consent.noRecord')}
                          </Text>
                        )}
                        {editable && entry?.status === 'granted' && (
                          <>
                            <Tooltip label={t('consent.withdraw')}>
                              <ActionIcon
                                size="sm"
                                variant="subtle"
                                color="orange"
                                aria-label={t('consent.withdraw')}
                                onClick={() => withdraw.mutate(scope)}
                              >
                                <IconShieldOff size={14} />
                              </ActionIcon>
                            </Tooltip>
                            <Tooltip label={t('consent.copyLink')}>
                              <ActionIcon
                                size="sm"
                                variant="subtle"
                                color="gray"
                                aria-label={t('consent.copyLink')}
                                onClick={() => link.mutate(scope)}
                              >
                                <IconLink size={14} />
                              </ActionIcon>
                            </Tooltip>
                          </>
                        )}
                        {editable && entry?.status !== 'granted' && (
                          <Tooltip label={t('consent.record')}>
                            <ActionIcon
                              size="sm"
                              variant="subtle"
                              aria-label={t('consent.record')}
                              onClick={() => setRecording(scope)}
                            >
                              <IconPlus size={14} />
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </Group>
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <Text fw={600} mt="sm">
        {t('consent.history')}
      </Text>
      <ConsentHistory history={history} purposeName={purposeName} />

      {recording && (
        <ConsentRecordModal
          customerId={customerId}
          purposes={purposes}
          initial={recording}
          onClose={() => setRecording(null)}
          onSaved={refresh}
        />
      )}
      {confirmAll && (
        <ConfirmDialog
          title={t('consent.withdrawAllTitle')}
          message={t('consent.withdrawAllMessage')}
          confirmLabel={t('consent.withdrawAll')}
          loading={withdraw.isPending}
          error={withdraw.error}
          onConfirm={() => withdraw.mutate({})}
          onClose={() => setConfirmAll(false)}
        />
      )}
    </Stack>
  );
}
