import { ActionIcon, Badge, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconLockPassword, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types.ts';
import { TableState } from '../../components/TableState.tsx';
import { useFormatters } from '../../format/use-formatters.ts';

export function UsersTable({
  users,
  teamNames,
  loading,
  failed,
  canEdit,
  onEdit,
  onResetPassword,
}: {
  users: User[];
  teamNames: Map<string, string>;
  loading: boolean;
  failed: boolean;
  canEdit: boolean;
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const columns = canEdit ? 6 : 5;

  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="users-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.fields.name')}</Table.Th>
            <Table.Th>{t('users.fields.role')}</Table.Th>
            <Table.Th>{t('users.fields.team')}</Table.Th>
            <Table.Th>{t('users.fields.status')}</Table.Th>
            <Table.Th>{t('users.fields.lastLogin')}</Table.Th>
            {canEdit && <Table.Th w={90}>{t('common.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.length === 0 && <TableState columns={columns} loading={loading} failed={failed} />}
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm" fw={500}>
                    {user.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {user.email}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Badge variant="light">{t(`roleNames.${user.role}`)}</Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{user.teamId ? (teamNames.get(user.teamId) ?? '—') : '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Badge color={user.status === 'active' ? 'teal' : 'gray'} variant="dot">
                  {t(`userStatus.${user.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {user.lastLoginAt ? format.dateTime(user.lastLoginAt) : t('common.never')}
                </Text>
              </Table.Td>
              {canEdit && (
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Tooltip label={t('common.edit')}>
                      <ActionIcon variant="subtle" onClick={() => onEdit(user)} aria-label={t('common.edit')}>
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t('users.resetPassword')}>
                      <ActionIcon
                        variant="subtle"
                        color="orange"
                        onClick={() => onResetPassword(user)}
                        aria-label={t('users.resetPassword')}
                      >
                        <IconLockPassword size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
