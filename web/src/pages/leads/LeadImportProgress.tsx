import { Alert, Anchor, Button, Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { isImportActive, useImportQuery } from '../../queries/dataops.ts';
import { importsApi } from '../../queries/dataops-api.ts';

function Count({ label, value, color, testId }: { label: string; value: number; color?: string; testId: string }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} c={color} data-testid={testId}>
        {value.toLocaleString()}
      </Text>
    </Paper>
  );
}

/** A running lead import, polled every second, then its result with the rejected rows to download. */
export function LeadImportProgress({ importId, onDone }: { importId: string; onDone: () => void }) {
  const { t } = useTranslation('leads');
  const query = useImportQuery(importId);
  const job = query.data;
  if (!job) return <ProblemAlert error={query.error} />;
  const active = isImportActive(job);
  const total = job.totalRows ?? 0;
  const percent = total > 0 ? Math.min(100, (job.processedRows / total) * 100) : job.status === 'completed' ? 100 : 0;
  return (
    <Stack data-testid="lead-import-progress" data-status={job.status}>
      <Progress value={percent} size="xl" radius="md" striped={active} animated={active} aria-label={job.fileName} />
      <Text size="sm">{t('import.processed', { count: job.processedRows })}</Text>
      <SimpleGrid cols={3}>
        <Count label={t('import.created')} value={job.createdRows} color="teal" testId="lead-import-created" />
        <Count label={t('import.skipped')} value={job.skippedRows} testId="lead-import-skipped" />
        <Count label={t('import.rejected')} value={job.rejectedRows} color="red" testId="lead-import-rejected" />
      </SimpleGrid>
      {!active && (
        <Alert color={job.status === 'completed' ? 'teal' : 'red'} title={t(`import.result.${job.status}`)}>
          <Stack gap="xs">
            {job.error && <Text size="sm">{job.error}</Text>}
            <Group>
              {job.rejectedRows > 0 && (
                <Anchor href={importsApi.rejectionsUrl(job.id)} download data-testid="lead-import-rejections">
                  <Group gap={4}>
                    <IconDownload size={16} />
                    {t('import.downloadRejections')}
                  </Group>
                </Anchor>
              )}
              <Button size="xs" onClick={onDone} data-testid="lead-import-done">
                {t('import.done')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
