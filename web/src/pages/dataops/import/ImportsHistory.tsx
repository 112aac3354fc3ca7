import { Anchor, Badge, Button, Group, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CursorPager } from '../../../components/CursorPager.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { TableState } from '../../../components/TableState.tsx';
import { useFormatters } from '../../../format/use-formatters.ts';
import { useCursorPages } from '../../../lib/use-cursor-pages.ts';
import { importsKey, isImportActive, useImportsQuery } from '../../../queries/dataops.ts';
import { importsApi } from '../../../queries/dataops-api.ts';
import { ImportStatusBadge } from './ImportStatusBadge.tsx';

/** Past and running imports, newest first: open one's progress, cancel a running one, get its rejections. */
export function ImportsHistory({ onOpen }: { onOpen: (importId: string) => void }) {
  const { t } = useTranslation('dataops');
  const format = useFormatters();
  const queryClient = useQueryClient();
  const [pageSize, setPageSize] = useState(25);
  const pages = useCursorPages();
  const list = useImportsQuery(pageSize, pages.cursor);
  const cancel = useMutation({
    mutationFn: (importId: string) => importsApi.cancel(importId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: importsKey }),
  });
  const items = list.data?.items ?? [];

  return (
    <>
      <ProblemAlert error={list.error ?? cancel.error} />
      <Table.ScrollContainer minWidth={860}>
        <Table verticalSpacing="xs" striped data-testid="imports-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('import.history.file')}</Table.Th>
              <Table.Th>{t('import.history.status')}</Table.Th>
              <Table.Th>{t('import.history.rows')}</Table.Th>
              <Table.Th>{t('import.counts.created')}</Table.Th>
              <Table.Th>{t('import.counts.updated')}</Table.Th>
              <Table.Th>{t('import.counts.skipped')}</Table.Th>
              <Table.Th>{t('import.counts.rejected')}</Table.Th>
              <Table.Th>{t('import.history.started')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.length === 0 && (
              <TableState
                columns={9}
                loading={list.isFetching}
                failed={list.isError}
                empty={t('import.history.empty')}
              />
            )}
            {items.map((job) => (
              <Table.Tr key={job.id} data-import={job.id}>
                <Table.Td>
                  <Anchor component="button" size="sm" onClick={() => onOpen(job.id)}>
                    {job.fileName}
                  </Anchor>
                  {job.kind !== 'customers' && (
                    <Badge ml="xs" size="xs" variant="light" color="grape" tt="none" data-testid="import-kind-badge">
                      {t(`import.kind.${job.kind}`)}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <ImportStatusBadge status={job.status} />
                </Table.Td>
                <Table.Td>{format.number(job.processedRows)}</Table.Td>
                <Table.Td>{format.number(job.createdRows)}</Table.Td>
                <Table.Td>{format.number(job.updatedRows)}</Table.Td>
                <Table.Td>{format.number(job.skippedRows)}</Table.Td>
                <Table.Td>
                  {job.rejectedRows > 0 ? (
                    <Anchor href={importsApi.rejectionsUrl(job.id)} download size="sm" c="red">
                      {format.number(job.rejectedRows)}
                    </Anchor>
                  ) : (
                    <Text size="sm">0</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{format.dateTime(job.startedAt ?? job.createdAt)}</Text>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    {isImportActive(job) && (
                      <Button
                        size="compact-xs"
                        color="red"
                        variant="subtle"
                        loading={cancel.isPending && cancel.variables === job.id}
                        onClick={() => cancel.mutate(job.id)}
                      >
                        {t('import.cancel')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
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
    </>
  );
}
