import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CreatedToken } from '../../api/types.ts';

/** Shows a new token's secret the only time it exists outside the server's hash. */
export function TokenRevealModal({ created, onClose }: { created: CreatedToken; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('tokens.revealTitle', { name: created.item.name })}
      size="lg"
      closeOnClickOutside={false}
    >
      <Stack>
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>
          {t('tokens.revealWarning')}
        </Alert>
        <Code block data-testid="new-token" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap', fontSize: 14 }}>
          {created.token}
        </Code>
        <Text size="sm" c="dimmed">
          {t('tokens.revealUsage')}
        </Text>
        <Group justify="space-between">
          <CopyButton value={created.token}>
            {({ copied, copy }) => (
              <Button
                color={copied ? 'teal' : undefined}
                leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                onClick={copy}
              >
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
          <Button variant="default" onClick={onClose}>
            {t('tokens.revealDone')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
