import { Alert, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/problem.ts';

/** Shows what the server said went wrong; its `detail` is already in the user's language. */
export function ProblemAlert({ error, onClose }: { error: Error | null | undefined; onClose?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  const requestId = error instanceof ApiError ? error.problem.requestId : undefined;
  const detail = error instanceof ApiError ? error.message : t('errors.unexpectedShort');
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle size={18} />}
      title={t('errors.title')}
      withCloseButton={Boolean(onClose)}
      onClose={onClose}
      role="alert"
    >
      <Text size="sm">{detail}</Text>
      {requestId && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('errors.requestId', { requestId })}
        </Text>
      )}
    </Alert>
  );
}
