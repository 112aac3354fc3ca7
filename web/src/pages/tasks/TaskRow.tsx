import { Anchor, Badge, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFormatters } from '../../format/use-formatters.ts';
import { type Task, taskApi, taskKeys } from '../../queries/tasks-api.ts';
import { PRIORITY_COLOR } from './task-format.ts';

/** One task: a checkbox that completes (or reopens) it in one click, its kind, due time and customer. */
export function TaskRow({ task, showCustomer = true }: { task: Task; showCustomer?: boolean }) {
  const { t } = useTranslation('tasks');
  const fmt = useFormatters();
  const queryClient = useQueryClient();
  const done = task.status === 'done';
  const toggle = useMutation({
    mutationFn: () => (done ? taskApi.reopen(task.id) : taskApi.complete(task.id)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: taskKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['timeline'] });
    },
  });
  const due = task.dueAt ? (task.dueAllDay ? fmt.date(task.dueAt) : fmt.dateTime(task.dueAt)) : null;
  return (
    <Group wrap="nowrap" align="flex-start" gap="sm" py={6} data-testid="task-row" data-task-status={task.status}>
      <Checkbox
        mt={3}
        checked={done}
        disabled={toggle.isPending || task.status === 'cancelled'}
        onChange={() => toggle.mutate()}
        aria-label={done ? t('task.reopen') : t('task.complete')}
        data-testid="task-complete"
      />
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Text fw={500} td={done ? 'line-through' : undefined} c={done ? 'dimmed' : undefined}>
          {task.title || t('task.untitled')}
        </Text>
        <Group gap={6}>
          <Badge size="xs" variant="light" color="gray">
            {t(`task.kinds.${task.kind}`)}
          </Badge>
          {task.priority !== 'normal' && (
            <Badge size="xs" variant="light" color={PRIORITY_COLOR[task.priority]}>
              {t(`task.priorities.${task.priority}`)}
            </Badge>
          )}
          {due && (
            <Text size="xs" c={task.overdue ? 'red' : 'dimmed'}>
              {t('task.due')}: {due}
            </Text>
          )}
          {task.overdue && (
            <Badge size="xs" color="red">
              {t('task.overdue')}
            </Badge>
          )}
          {showCustomer && task.customer && (
            <Anchor component={Link} to={`/customers/${task.customer.id}`} size="xs">
              {task.customer.displayName}
            </Anchor>
          )}
          <Text size="xs" c="dimmed">
            · {task.assignee.name}
          </Text>
        </Group>
      </Stack>
    </Group>
  );
}
