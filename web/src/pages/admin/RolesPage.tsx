import { Badge, Group, Paper, Stack, Table, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconDownload, IconEye, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { rolesApi } from '../../api/endpoints.ts';
import { ACTIONS, MODULES, type ModulePermission, type PermissionAction } from '../../api/types.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TableState } from '../../components/TableState.tsx';

const actionIcons: Record<PermissionAction, ComponentType<{ size?: number }>> = {
  read: IconEye,
  create: IconPlus,
  update: IconPencil,
  delete: IconTrash,
  export: IconDownload,
};
const actionColors: Record<PermissionAction, string> = {
  read: 'blue',
  create: 'teal',
  update: 'yellow',
  delete: 'red',
  export: 'grape',
};
const scopeColors = { all: 'cyan', team: 'indigo', own: 'gray' } as const;

function ActionIcon({ action }: { action: PermissionAction }) {
  const { t } = useTranslation();
  const Icon = actionIcons[action];
  return (
    <Tooltip label={t(`actionNames.${action}`)}>
      <ThemeIcon size={20} variant="light" color={actionColors[action]} aria-label={t(`actionNames.${action}`)}>
        <Icon size={14} />
      </ThemeIcon>
    </Tooltip>
  );
}

function PermissionCell({ permission }: { permission: ModulePermission | undefined }) {
  const { t } = useTranslation();
  const actions = ACTIONS.filter((action) => permission?.actions.includes(action));
  if (!permission || actions.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      <Group gap={2} wrap="nowrap">
        {actions.map((action) => (
          <ActionIcon key={action} action={action} />
        ))}
      </Group>
      <Badge size="sm" variant="outline" color={scopeColors[permission.scope]} tt="none">
        {t(`scopesShort.${permission.scope}`)}
      </Badge>
    </Stack>
  );
}

export function RolesPage() {
  const { t } = useTranslation();
  const roles = useQuery({ queryKey: ['roles'], queryFn: rolesApi.list, staleTime: Number.POSITIVE_INFINITY });
  const items = [...(roles.data?.items ?? [])].sort((a, b) => b.rank - a.rank);

  return (
    <>
      <PageHeader title={t('roles.title')} description={t('roles.subtitle')} />
      <Paper withBorder radius="md" p="md">
        <Group gap="lg" mb="md" wrap="wrap" data-testid="roles-legend">
          {ACTIONS.map((action) => (
            <Group key={action} gap={6}>
              <ActionIcon action={action} />
              <Text size="sm">{t(`actionNames.${action}`)}</Text>
            </Group>
          ))}
          <Text size="sm" c="dimmed">
            {t('roles.scopeLegend')}
          </Text>
        </Group>
        <ProblemAlert error={roles.error} />
        <Table.ScrollContainer minWidth={1000}>
          <Table withColumnBorders withTableBorder verticalSpacing="xs" stickyHeader data-testid="roles-matrix">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('roles.module')}</Table.Th>
                {items.map((role) => (
                  <Table.Th key={role.role}>{t(`roleNames.${role.role}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.length === 0 && <TableState columns={8} loading={roles.isFetching} failed={roles.isError} />}
              {items.length > 0 &&
                MODULES.map((module) => (
                  <Table.Tr key={module}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {t(`moduleNames.${module}`)}
                      </Text>
                    </Table.Td>
                    {items.map((role) => (
                      <Table.Td key={role.role}>
                        <PermissionCell permission={role.permissions[module]} />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </>
  );
}
