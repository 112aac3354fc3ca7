import { ActionIcon, Button, Group, Paper, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { teamsApi } from '../../api/endpoints.ts';
import type { Team } from '../../api/types.ts';
import { useSession } from '../../auth/session-context.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TableState } from '../../components/TableState.tsx';
import { useFormatters } from '../../format/use-formatters.ts';
import { teamsQueryKey, useTeamsQuery } from '../../queries/teams.ts';
import { TeamNameModal } from './TeamNameModal.tsx';

type Dialog = { kind: 'create' } | { kind: 'rename'; team: Team } | { kind: 'delete'; team: Team } | null;

export function TeamsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const teams = useTeamsQuery();
  const [dialog, setDialog] = useState<Dialog>(null);
  const canUpdate = can('teams', 'update');
  const canDelete = can('teams', 'delete');
  const showActions = canUpdate || canDelete;

  const remove = useMutation({
    mutationFn: (team: Team) => teamsApi.remove(team.id),
    onSuccess: (_, team) => {
      void queryClient.invalidateQueries({ queryKey: teamsQueryKey });
      notifications.show({ color: 'teal', message: t('teams.deleted', { name: team.name }) });
      setDialog(null);
    },
  });

  const items = teams.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('teams.title')}
        description={t('teams.subtitle')}
        actions={
          can('teams', 'create') && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'create' })}>
              {t('teams.create')}
            </Button>
          )
        }
      />
      <Paper withBorder radius="md" p="md">
        <ProblemAlert error={teams.error} />
        <Table.ScrollContainer minWidth={520}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('teams.fields.name')}</Table.Th>
                <Table.Th>{t('teams.fields.members')}</Table.Th>
                <Table.Th>{t('teams.fields.createdAt')}</Table.Th>
                {showActions && <Table.Th w={90}>{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.length === 0 && (
                <TableState
                  columns={showActions ? 4 : 3}
                  loading={teams.isFetching}
                  failed={teams.isError}
                  empty={t('teams.empty')}
                />
              )}
              {items.map((team) => (
                <Table.Tr key={team.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {team.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>{format.number(team.memberCount)}</Table.Td>
                  <Table.Td>{format.date(team.createdAt)}</Table.Td>
                  {showActions && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        {canUpdate && (
                          <Tooltip label={t('teams.rename')}>
                            <ActionIcon
                              variant="subtle"
                              aria-label={t('teams.rename')}
                              onClick={() => setDialog({ kind: 'rename', team })}
                            >
                              <IconPencil size={16} />
                            </ActionIcon>
                          </Tooltip>
                        )}
                        {canDelete && (
                          <Tooltip label={t('common.delete')}>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={t('common.delete')}
                              onClick={() => {
                                remove.reset();
                                setDialog({ kind: 'delete', team });
                              }}
                            >
                              <IconTrash size={16} />
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {dialog?.kind === 'create' && <TeamNameModal team={null} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'rename' && (
        <TeamNameModal key={dialog.team.id} team={dialog.team} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={t('teams.deleteTitle')}
          message={t('teams.deleteBody', { name: dialog.team.name })}
          confirmLabel={t('common.delete')}
          loading={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate(dialog.team)}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
