import { Divider, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session-context.ts';
import { taskApi, taskKeys } from '../../queries/tasks-api.ts';
import { QuickAddTask } from './QuickAddTask.tsx';
import { TaskRow } from './TaskRow.tsx';

/** The profile's Tasks tab: add a follow-up with a due date; open ones first, then done. */
export function CustomerTasksPanel({ customerId }: { customerId: string }) {
  const { t } = useTranslation('tasks');
  const { can } = useSession();
  const open = useQuery({
    queryKey: [...taskKeys.all, 'customer', customerId, 'open'],
    queryFn: () => taskApi.forCustomer(customerId, { status: 'open', limit: 100 }),
  });
  const done = useQuery({
    queryKey: [...taskKeys.all, 'customer', customerId, 'done'],
    queryFn: () => taskApi.forCustomer(customerId, { status: 'done', sort: 'recent', limit: 20 }),
  });
  const items = [...(open.data?.items ?? []), ...(done.data?.items ?? [])];
  return (
    <Stack gap="sm" data-testid="customer-tasks">
      {can('tasks', 'create') && <QuickAddTask customerId={customerId} defaultKind="follow_up" />}
      <Divider />
      {items.length === 0 && !open.isFetching ? (
        <Text size="sm" c="dimmed">
          {t('profile.empty')}
        </Text>
      ) : (
        items.map((task) => <TaskRow key={task.id} task={task} showCustomer={false} />)
      )}
    </Stack>
  );
}
