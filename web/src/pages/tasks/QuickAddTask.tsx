import { Button, Group, Select, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useDisplaySettings } from '../../format/display-settings.ts';
import { TASK_KINDS, type TaskKind, taskApi, taskKeys } from '../../queries/tasks-api.ts';
import { type ReminderChoice, reminderAt } from './task-format.ts';

/** One line to add a task: title, kind, due date (end of that day) and an optional reminder. */
export function QuickAddTask({ customerId, defaultKind = 'todo' }: { customerId?: string; defaultKind?: TaskKind }) {
  const { t } = useTranslation('tasks');
  const { timeZone } = useDisplaySettings();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<TaskKind>(defaultKind);
  const [dueOn, setDueOn] = useState('');
  const [remind, setRemind] = useState<ReminderChoice>('none');
  const create = useMutation({
    mutationFn: () => {
      const remindAt = reminderAt(dueOn, remind, timeZone);
      return taskApi.create({
        title: title.trim(),
        kind,
        ...(dueOn ? { dueOn } : {}),
        ...(remindAt ? { remindAt } : {}),
        ...(customerId ? { customerId } : {}),
      });
    },
    onSuccess: () => {
      setTitle('');
      setDueOn('');
      setRemind('none');
      notifications.show({ message: t('task.added'), color: 'green' });
      void queryClient.invalidateQueries({ queryKey: taskKeys.all });
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (title.trim()) create.mutate();
      }}
      data-testid="task-quick-add"
    >
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('task.title')}
          placeholder={t('task.titlePlaceholder')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          style={{ flex: 1, minWidth: 220 }}
          data-testid="task-title"
        />
        <Select
          label={t('task.kind')}
          value={kind}
          onChange={(v) => v && setKind(v as TaskKind)}
          data={TASK_KINDS.map((k) => ({ value: k, label: t(`task.kinds.${k}`) }))}
          w={140}
          allowDeselect={false}
        />
        <TextInput
          type="date"
          label={t('task.dueDate')}
          value={dueOn}
          onChange={(e) => setDueOn(e.currentTarget.value)}
          w={170}
          data-testid="task-due"
        />
        <Select
          label={t('task.remind')}
          value={remind}
          onChange={(v) => v && setRemind(v as ReminderChoice)}
          data={(['none', 'morning', 'dayBefore'] as const).map((k) => ({
            value: k,
            label: t(`task.remindOptions.${k}`),
          }))}
          disabled={!dueOn}
          w={200}
          allowDeselect={false}
        />
        <Button type="submit" leftSection={<IconPlus size={16} />} loading={create.isPending} disabled={!title.trim()}>
          {customerId ? t('task.addFollowUp') : t('task.add')}
        </Button>
      </Group>
      {create.isError && <ProblemAlert error={create.error} />}
    </form>
  );
}
