import { ActionIcon, Button, Group, Indicator, Menu, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useFormatters } from '../../format/use-formatters.ts';
import { type AppNotification, notificationApi, taskKeys } from '../../queries/tasks-api.ts';

/** The header's bell: unread count, and the latest notifications (open one to mark it read and follow its link). */
export function NotificationBell() {
  const { t, i18n } = useTranslation('tasks');
  const fmt = useFormatters();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const count = useQuery({
    queryKey: [...taskKeys.notifications, 'count'],
    queryFn: notificationApi.unreadCount,
    refetchInterval: 30_000,
  });
  const list = useQuery({ queryKey: [...taskKeys.notifications, 'list'], queryFn: notificationApi.list });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: taskKeys.notifications });
  const read = useMutation({ mutationFn: (id: string) => notificationApi.read(id), onSuccess: refresh });
  const readAll = useMutation({ mutationFn: notificationApi.readAll, onSuccess: refresh });
  const unread = count.data?.unread ?? 0;
  const open = (n: AppNotification) => {
    if (!n.readAt) read.mutate(n.id);
    if (n.link) navigate(n.link);
  };
  return (
    <Menu width={340} position="bottom-end" shadow="md" onOpen={refresh}>
      <Menu.Target>
        <Indicator label={unread} size={16} disabled={unread === 0} color="red" offset={4}>
          <ActionIcon variant="subtle" size="lg" aria-label={t('bell.label')} data-testid="notification-bell">
            <IconBell size={20} />
          </ActionIcon>
        </Indicator>
      </Menu.Target>
      <Menu.Dropdown data-testid="notification-list">
        <Group justify="space-between" px="xs" py={4}>
          <Text fw={600} size="sm">
            {t('bell.label')}
          </Text>
          <Button variant="subtle" size="compact-xs" disabled={unread === 0} onClick={() => readAll.mutate()}>
            {t('bell.readAll')}
          </Button>
        </Group>
        <Menu.Divider />
        <ScrollArea.Autosize mah={360}>
          {(list.data?.items ?? []).length === 0 && (
            <Text size="sm" c="dimmed" px="xs" py="sm">
              {t('bell.empty')}
            </Text>
          )}
          {(list.data?.items ?? []).map((n) => (
            <UnstyledButton
              key={n.id}
              onClick={() => open(n)}
              w="100%"
              px="xs"
              py={6}
              data-testid="notification-item"
              style={{ background: n.readAt ? undefined : 'var(--mantine-color-blue-0)', borderRadius: 4 }}
            >
              <Stack gap={0}>
                <Text size="sm" fw={n.readAt ? 400 : 600}>
                  {i18n.language === 'en' ? n.titleEn : n.titleTh}
                </Text>
                {n.body && (
                  <Text size="xs" lineClamp={2}>
                    {n.body}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {fmt.dateTime(n.createdAt)}
                </Text>
              </Stack>
            </UnstyledButton>
          ))}
        </ScrollArea.Autosize>
      </Menu.Dropdown>
    </Menu>
  );
}
