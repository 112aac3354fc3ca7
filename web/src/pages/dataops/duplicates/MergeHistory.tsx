import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { TableState } from '../../../components/TableState.tsx';
import { useFormatters } from '../../../format/use-formatters.ts';
import { dedupeApi } from '../../../queries/dataops-api.ts';

export const mergesKey = (customerId: string) => ['customers', 'merges', customerId] as const;

/** The merges into one profile, with Undo while each one's grace period lasts. */
export function MergeHistory({ customerId, canMerge }: { customerId: string; canMerge: boolean }) {
  const { t } = useTranslation('dataops');
  const format = useFormatters();
  const queryClient = useQueryClient();
  const merges = useQuery({ queryKey: mergesKey(customerId), queryFn: () => dedupeApi.merges(customerId) });
  const undo = useMutation({
    mutationFn: (mergeId: string) => dedupeApi.undo(mergeId),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('duplicates.undone') });
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
      void queryClient.invalidateQueries({ queryKey: ['duplicates'] });
    },
  });
  const items = merges.data?.items ?? [];

  return (
    <Stack gap="xs">
      <ProblemAlert error={merges.error ?? undo.error} />
      <Table verticalSpacing="xs" data-testid="merge-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('duplicates.history.when')}</Table.Th>
            <Table.Th>{t('duplicates.history.merged')}</Table.Th>
            <Table.Th>{t('duplicates.history.state')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && (
            <TableState
              columns={4}
              loading={merges.isFetching}
              failed={merges.isError}
              empty={t('duplicates.history.empty')}
            />
          )}
          {items.map((merge) => (
            <Table.Tr key={merge.id}>
              <Table.Td>
                <Text size="sm">{format.dateTime(merge.createdAt)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t('duplicates.history.profiles', { count: merge.mergedIds.length })}</Text>
              </Table.Td>
              <Table.Td>
                {merge.undoneAt ? (
                  <Badge color="gray" variant="light" tt="none">
                    {t('duplicates.history.undoneAt', { at: format.dateTime(merge.undoneAt) })}
                  </Badge>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('duplicates.history.undoUntil', { at: format.date(merge.undoUntil) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group justify="flex-end">
                  {canMerge && merge.canUndo && (
                    <Button
                      size="compact-xs"
                      variant="light"
                      loading={undo.isPending && undo.variables === merge.id}
                      onClick={() => undo.mutate(merge.id)}
                    >
                      {t('duplicates.undo')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
