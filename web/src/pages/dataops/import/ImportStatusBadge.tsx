import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportStatus } from '../../../queries/dataops-types.ts';

const COLORS: Record<ImportStatus, string> = {
  pending: 'gray',
  running: 'blue',
  completed: 'teal',
  failed: 'red',
  cancelled: 'orange',
};

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  const { t } = useTranslation('dataops');
  return (
    <Badge color={COLORS[status] ?? 'gray'} variant="light" tt="none" data-testid="import-status">
      {t(`import.status.${status}`)}
    </Badge>
  );
}
