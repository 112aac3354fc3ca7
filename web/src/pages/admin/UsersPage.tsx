import { Button, Paper, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usersApi } from '../../api/endpoints.ts';
import type { User } from '../../api/types.ts';
import { useSession } from '../../auth/session-context.ts';
import { CursorPager } from '../../components/CursorPager.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useCursorPages } from '../../lib/use-cursor-pages.ts';
import { useTeamsQuery } from '../../queries/teams.ts';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { UserCreateModal } from './UserCreateModal.tsx';
import { UserEditModal } from './UserEditModal.tsx';
import { UsersTable } from './UsersTable.tsx';

export function UsersPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [pageSize, setPageSize] = useState(25);
  const pages = useCursorPages();
  const { reset } = pages;
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);

  useEffect(() => reset(), [q, pageSize, reset]);

  const list = useQuery({
    queryKey: ['users', { q, limit: pageSize, cursor: pages.cursor }],
    queryFn: () => usersApi.list({ q, limit: pageSize, cursor: pages.cursor }),
    placeholderData: keepPreviousData,
  });
  const teams = useTeamsQuery(can('teams', 'read'));
  const teamNames = useMemo(() => new Map((teams.data?.items ?? []).map((team) => [team.id, team.name])), [teams.data]);

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.subtitle')}
        actions={
          can('users', 'create') && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              {t('users.create')}
            </Button>
          )
        }
      />
      <Paper withBorder radius="md" p="md">
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder={t('users.searchPlaceholder')}
          aria-label={t('common.search')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          mb="md"
          maw={420}
        />
        <ProblemAlert error={list.error} />
        <UsersTable
          users={list.data?.items ?? []}
          teamNames={teamNames}
          loading={list.isFetching}
          failed={list.isError}
          canEdit={can('users', 'update')}
          onEdit={setEditing}
          onResetPassword={setResetting}
        />
        <CursorPager
          pageIndex={pages.pageIndex}
          hasNext={Boolean(list.data?.nextCursor)}
          pageSize={pageSize}
          loading={list.isFetching}
          onPrevious={pages.previous}
          onNext={() => pages.next(list.data?.nextCursor ?? null)}
          onPageSize={setPageSize}
        />
      </Paper>
      <UserCreateModal opened={creating} onClose={() => setCreating(false)} />
      {editing && <UserEditModal key={editing.id} user={editing} onClose={() => setEditing(null)} />}
      {resetting && <ResetPasswordModal key={resetting.id} user={resetting} onClose={() => setResetting(null)} />}
    </>
  );
}
