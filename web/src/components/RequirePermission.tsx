import { Alert } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PermissionAction, PermissionModule } from '../api/types.ts';
import { useSession } from '../auth/session-context.ts';

export function RequirePermission({
  module,
  action = 'read',
  children,
}: {
  module: PermissionModule;
  action?: PermissionAction;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  if (can(module, action)) return children;
  return (
    <Alert color="yellow" icon={<IconLock size={18} />} title={t('errors.forbiddenTitle')}>
      {t('errors.forbiddenPage')}
    </Alert>
  );
}
