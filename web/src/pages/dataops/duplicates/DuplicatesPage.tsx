import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconCircleCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSession } from '../../../auth/session-context.ts';
import { CursorPager } from '../../../components/CursorPager.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useFormatters } from '../../../format/use-formatters.ts';
import { useCursorPages } from '../../../lib/use-cursor-pages.ts';
import { duplicatesKey, useDuplicatesQuery } from '../../../queries/dataops.ts';
import { dedupeApi } from '../../../queries/dataops-api.ts';
import type { MergeResult } from '../../../queries/dataops-types.ts';
import { DuplicateCard } from './DuplicateCard.tsx';
import { MergeHistory } from './MergeHistory.tsx';
import { MergeModal } from './MergeModal.tsx';

interface LastMerge {
  merge: MergeResult;
  undone: boolean;
}

/** Suspected duplicates, best score first: compare and merge, or mark as not a duplicate; undo a merge. */
export function DuplicatesPage() {
  const { t } = useTranslation('dataops');
  const format = useFormatters();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const canMerge = can('customers', 'update') && can('customers', 'delete');
  const canDismiss = can('customers', 'update');
  const [pageSize, setPageSize] = useState(25);
  const pages = useCursorPages();
  const list = useDuplicatesQuery(pageSize, pages.cursor);
  const [comparing, setComparing] = useState<string[] | null>(null);
  const [last, setLast] = useState<LastMerge | null>(null);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: duplicatesKey });
    void queryClient.invalidateQueries({ queryKey: ['customers'] });
  };
  const dismiss = useMutation({
    mutationFn: (customerIds: string[]) => dedupeApi.dismiss(customerIds),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('duplicates.dismissed') });
      refresh();
    },
  });
  const undo = useMutation({
    mutationFn: (mergeId: string) => dedupeApi.undo(mergeId),
    onSuccess: () => {
      setLast((current) => (current ? { ...current, undone: true } : current));
      notifications.show({ color: 'teal', message: t('duplicates.undone') });
      refresh();
    },
  });
  const items = list.data?.items ?? [];

  return (
    <>
      <PageHeader title={t('duplicates.title')} description={t('duplicates.subtitle')} />
      {last && (
        <Alert
          mb="lg"
          color={last.undone ? 'gray' : 'teal'}
          icon={<IconCircleCheck size={18} />}
          title={
            last.undone ? t('duplicates.undone') : t('duplicates.merged', { name: last.merge.survivor.displayName })
          }
          withCloseButton
          onClose={() => setLast(null)}
          data-testid="merge-done"
        >
          <Stack gap="sm">
            <Group gap="md">
              <Anchor component={Link} to={`/customers/${last.merge.survivor.id}`} size="sm">
                {t('duplicates.openProfile')}
              </Anchor>
              {!last.undone && Date.parse(last.merge.undoUntil) > Date.now() && (
                <>
                  <Text size="sm" c="dimmed">
                    {t('duplicates.history.undoUntil', { at: format.date(last.merge.undoUntil) })}
                  </Text>
                  <Button
                    size="xs"
                    variant="white"
                    color="orange"
                    leftSection={<IconArrowBackUp size={14} />}
                    loading={undo.isPending}
                    onClick={() => undo.mutate(last.merge.mergeId)}
                    data-testid="merge-undo"
                  >
                    {t('duplicates.undo')}
                  </Button>
                </>
              )}
            </Group>
            <ProblemAlert error={undo.error} />
            <Title order={6}>{t('duplicates.history.title', { name: last.merge.survivor.displayName })}</Title>
            <MergeHistory customerId={last.merge.survivor.id} canMerge={false} />
          </Stack>
        </Alert>
      )}
      <Paper withBorder radius="md" p="md">
        <ProblemAlert error={list.error ?? dismiss.error} />
        <Stack gap="sm" data-testid="duplicates-list">
          {items.length === 0 && !list.isFetching && (
            <Text c="dimmed" ta="center" py="xl">
              {list.isError ? t('duplicates.loadFailed') : t('duplicates.empty')}
            </Text>
          )}
          {items.map((candidate) => {
            const ids = candidate.customers.map((customer) => customer.id);
            return (
              <DuplicateCard
                key={ids.join(':')}
                candidate={candidate}
                canMerge={canMerge}
                canDismiss={canDismiss && ids.length === 2}
                dismissing={dismiss.isPending && dismiss.variables?.join(':') === ids.join(':')}
                onCompare={() => setComparing(ids)}
                onDismiss={() => dismiss.mutate(ids)}
              />
            );
          })}
        </Stack>
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
      {comparing && (
        <MergeModal
          customerIds={comparing}
          onClose={() => setComparing(null)}
          onMerged={(merge) => {
            setComparing(null);
            setLast({ merge, undone: false });
            undo.reset();
            refresh();
            window.scrollTo({ top: 0, behavior: 'smooth' });
          }}
        />
      )}
    </>
  );
}
