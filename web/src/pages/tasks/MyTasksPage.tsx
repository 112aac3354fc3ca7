import { Group, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TASK_KINDS, type Task, type TaskQuery, taskApi, taskKeys } from '../../queries/tasks-api.ts';
import { QuickAddTask } from './QuickAddTask.tsx';
import { TaskRow } from './TaskRow.tsx';

type GroupKey = 'overdue' | 'today' | 'upcoming' | 'someday' | 'done';
const GROUPS: Record<GroupKey, TaskQuery> = {
  overdue: { status: 'open', due: 'overdue' },
  today: { status: 'open', due: 'today' },
  upcoming: { status: 'open', due: 'upcoming' },
  someday: { status: 'open', due: 'none' },
  done: { status: 'done', sort: 'recent', limit: 20 },
};

function TaskGroup({ group, scope, kind }: { group: GroupKey; scope: 'mine' | 'all'; kind: string | null }) {
  const { t } = useTranslation('tasks');
  const query = {
    ...GROUPS[group],
    ...(scope === 'mine' ? { assignee: 'me' } : {}),
    limit: GROUPS[group].limit ?? 100,
  };
  const list = useQuery({ queryKey: [...taskKeys.all, 'group', group, scope], queryFn: () => taskApi.list(query) });
  let items: Task[] = list.data?.items ?? [];
  // A task due earlier today that has passed shows under Overdue only.
  if (group === 'today') items = items.filter((x) => !x.overdue);
  if (kind) items = items.filter((x) => x.kind === kind);
  if (items.length === 0 && (group === 'done' || group === 'someday')) return null;
  return (
    <Paper withBorder p="md" radius="md" data-testid={`task-group-${group}`}>
      <Group justify="space-between" mb={4}>
        <Title order={4} c={group === 'overdue' && items.length ? 'red' : undefined}>
          {t(`groups.${group}`)}
        </Title>
        <Text size="sm" c="dimmed">
          {items.length}
        </Text>
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('task.empty')}
        </Text>
      ) : (
        items.map((task) => <TaskRow key={task.id} task={task} />)
      )}
    </Paper>
  );
}

/** My tasks: quick add, then overdue / today / upcoming / no date / recently done. */
export function MyTasksPage() {
  const { t } = useTranslation('tasks');
  const [scope, setScope] = useState<'mine' | 'all'>('mine');
  const [kind, setKind] = useState<string | null>(null);
  return (
    <>
      <PageHeader
        title={t('page.title')}
        description={t('page.subtitle')}
        actions={
          <Group gap="sm">
            <SegmentedControl
              value={scope}
              onChange={(v) => setScope(v as 'mine' | 'all')}
              data={[
                { value: 'mine', label: t('page.mine') },
                { value: 'all', label: t('page.all') },
              ]}
            />
            <Select
              placeholder={t('page.kindAll')}
              value={kind}
              onChange={setKind}
              clearable
              data={TASK_KINDS.map((k) => ({ value: k, label: t(`task.kinds.${k}`) }))}
              w={160}
            />
          </Group>
        }
      />
      <Stack gap="md">
        <Paper withBorder p="md" radius="md">
          <QuickAddTask />
        </Paper>
        {(Object.keys(GROUPS) as GroupKey[]).map((g) => (
          <TaskGroup key={g} group={g} scope={scope} kind={kind} />
        ))}
      </Stack>
    </>
  );
}
