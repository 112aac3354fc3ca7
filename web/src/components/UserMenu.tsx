import { Avatar, Box, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconLogout, IconPassword } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session-context.ts';
import { useLogout } from '../auth/use-logout.ts';
import { ChangePasswordModal } from './ChangePasswordModal.tsx';

function initials(name: string): string {
  return Array.from(name.trim()).slice(0, 1).join('').toUpperCase() || '?';
}

export function UserMenu() {
  const { t } = useTranslation();
  const { user } = useSession();
  const logout = useLogout();
  const [passwordOpen, setPasswordOpen] = useState(false);

  return (
    <>
      <Menu position="bottom-end" width={240} shadow="md">
        <Menu.Target>
          <UnstyledButton aria-label={t('header.account')} data-testid="user-menu">
            <Group gap={8} wrap="nowrap">
              <Avatar size={32} radius="xl" color="cyan">
                {initials(user.name)}
              </Avatar>
              <Box visibleFrom="sm">
                <Text size="sm" fw={500} lh={1.2} truncate maw={160}>
                  {user.name}
                </Text>
                <Text size="xs" c="dimmed" lh={1.2}>
                  {t(`roleNames.${user.role}`)}
                </Text>
              </Box>
              <Box visibleFrom="sm" lh={0}>
                <IconChevronDown size={14} />
              </Box>
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{user.email}</Menu.Label>
          <Menu.Item leftSection={<IconPassword size={16} />} onClick={() => setPasswordOpen(true)}>
            {t('header.changePassword')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item
            color="red"
            leftSection={<IconLogout size={16} />}
            onClick={() => void logout()}
            data-testid="logout"
          >
            {t('header.logout')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordModal opened={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </>
  );
}
