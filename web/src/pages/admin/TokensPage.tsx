import { Button, Paper } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tokensApi } from '../../api/endpoints.ts';
import type { ApiToken, CreatedToken } from '../../api/types.ts';
import { useSession } from '../../auth/session-context.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { CursorPager } from '../../components/CursorPager.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useCursorPages } from '../../lib/use-cursor-pages.ts';
import { TokenCreateModal } from './TokenCreateModal.tsx';
import { TokenRevealModal } from './TokenRevealModal.tsx';
import { TokensTable } from './TokensTable.tsx';

type Dialog =
  | { kind: 'create' }
  | { kind: 'reveal'; created: CreatedToken }
  | { kind: 'revoke'; token: ApiToken }
  | null;

export function TokensPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [pageSize, setPageSize] = useState(25);
  const pages = useCursorPages();
  const [dialog, setDialog] = useState<Dialog>(null);

  const list = useQuery({
    queryKey: ['tokens', { limit: pageSize, cursor: pages.cursor }],
    queryFn: () => tokensApi.list({ limit: pageSize, cursor: pages.cursor }),
    placeholderData: keepPreviousData,
  });
  const revoke = useMutation({
    mutationFn: (token: ApiToken) => tokensApi.revoke(token.id),
    onSuccess: (_, token) => {
      void queryClient.invalidateQueries({ queryKey: ['tokens'] });
      notifications.show({ color: 'teal', message: t('tokens.revoked', { name: token.name }) });
      setDialog(null);
    },
  });

  return (
    <>
      <PageHeader
        title={t('tokens.title')}
        description={t('tokens.subtitle')}
        actions={
          can('tokens', 'create') && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'create' })}>
              {t('tokens.create')}
            </Button>
          )
        }
      />
      <Paper withBorder radius="md" p="md">
        <ProblemAlert error={list.error} />
        <TokensTable
          tokens={list.data?.items ?? []}
          loading={list.isFetching}
          failed={list.isError}
          canRevoke={can('tokens', 'delete')}
          onRevoke={(token) => {
            revoke.reset();
            setDialog({ kind: 'revoke', token });
          }}
        />
        <CursorPager
          pageIndex={pages.pageIndex}
          hasNext={Boolean(list.data?.nextCursor)}
          pageSize={pageSize}
          loading={list.isFetching}
          onPrevious={pages.previous}
          onNext={() => pages.next(list.data?.nextCursor ?? null)}
          onPageSize={(size) => {
            setPageSize(size);
            pages.reset();
          }}
        />
      </Paper>
      {dialog?.kind === 'create' && (
        <TokenCreateModal
          onCreated={(created) => setDialog({ kind: 'reveal', created })}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'reveal' && <TokenRevealModal created={dialog.created} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'revoke' && (
        <ConfirmDialog
          title={t('tokens.revokeTitle')}
          message={t('tokens.revokeBody', { name: dialog.token.name })}
          confirmLabel={t('tokens.revoke')}
          loading={revoke.isPending}
          error={revoke.error}
          onConfirm={() => revoke.mutate(dialog.token)}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
