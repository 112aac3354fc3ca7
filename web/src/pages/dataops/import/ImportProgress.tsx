import { Alert, Anchor, Badge, Button, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconPlayerStop } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useFormatters } from '../../../format/use-formatters.ts';
import { importsKey, isImportActive, useImportQuery } from '../../../queries/dataops.ts';
import { importsApi } from '../../../queries/dataops-api.ts';
import type { ImportJob } from '../../../queries/dataops-types.ts';
import { ImportStatusBadge } from './ImportStatusBadge.tsx';

/** Rows per second since the import started (to its end, or to now while it runs). */
function rowsPerSecond(job: ImportJob, now: number): number | null {
  if (!job.startedAt || job.processedRows === 0) return null;
  const end = job.finishedAt ? Date.parse(job.finishedAt) : now;
  const seconds = (end - Date.parse(job.startedAt)) / 1000;
  return seconds > 0 ? Math.round(job.processedRows / seconds) : null;
}

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

/** Live progress of one import, then its result with the rejection report. */
export function ImportProgress({ importId, onAnother }: { importId: string; onAnother: () => void }) {
  const { t } = useTranslation('dataops');
  const format = useFormatters();
  const queryClient = useQueryClient();
  const query = useImportQuery(importId);
  const job = query.data;
  const active = isImportActive(job);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  const cancel = useMutation({
    mutationFn: () => importsApi.cancel(importId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: importsKey }),
  });

  if (!job) return <ProblemAlert error={query.error} />;
  const total = job.totalRows ?? 0;
  const percent = total > 0 ? Math.min(100, (job.processedRows / total) * 100) : job.status === 'completed' ? 100 : 0;
  const speed = rowsPerSecond(job, now);

  return (
    <Stack data-testid="import-progress" data-status={job.status}>
      <Group justify="space-between" wrap="wrap">
        <Group gap="sm">
          <Title order={4}>{job.fileName}</Title>
          <ImportStatusBadge status={job.status} />
          {job.dryRun && (
            <Badge color="grape" variant="light" tt="none">
              {t('import.dryRun')}
            </Badge>
          )}
        </Group>
        {active && (
          <Button
            color="red"
            variant="light"
            leftSection={<IconPlayerStop size={16} />}
            loading={cancel.isPending}
            onClick={() => cancel.mutate()}
          >
            {t('import.cancel')}
          </Button>
        )}
      </Group>
      <ProblemAlert error={cancel.error ?? query.error} />
      <Stack gap={4}>
        <Progress
          value={percent}
          size="xl"
          radius="md"
          striped={active}
          animated={active}
          color={job.status === 'failed' ? 'red' : job.status === 'cancelled' ? 'gray' : 'blue'}
          aria-label={t('import.progress.label')}
          data-testid="import-progress-bar"
          data-percent={Math.round(percent)}
        />
        <Group justify="space-between">
          <Text size="sm" data-testid="import-processed">
            {total > 0
              ? t('import.progress.rowsOf', { done: format.number(job.processedRows), total: format.number(total) })
              : t('import.progress.rows', { done: format.number(job.processedRows) })}
          </Text>
          <Text size="sm" c="dimmed" data-testid="import-speed">
            {speed === null ? '' : t('import.progress.speed', { speed: format.number(speed) })}
          </Text>
        </Group>
      </Stack>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Count label={t('import.counts.created')} value={job.createdRows} color="teal" testId="import-created" />
        {job.kind === 'customers' && (
          <Count label={t('import.counts.updated')} value={job.updatedRows} color="blue" testId="import-updated" />
        )}
        <Count label={t('import.counts.skipped')} value={job.skippedRows} testId="import-skipped" />
        <Count label={t('import.counts.rejected')} value={job.rejectedRows} color="red" testId="import-rejected" />
      </SimpleGrid>
      {!active && <ImportResult job={job} onAnother={onAnother} />}
    </Stack>
  );
}

function ImportResult({ job, onAnother }: { job: ImportJob; onAnother: () => void }) {
  const { t } = useTranslation('dataops');
  const ok = job.status === 'completed';
  return (
    <Alert
      color={ok ? (job.rejectedRows > 0 ? 'yellow' : 'teal') : 'red'}
      icon={ok ? <IconCircleCheck size={18} /> : <IconAlertTriangle size={18} />}
      title={t(
        `import.result.${job.status === 'completed' ? 'completed' : job.status === 'cancelled' ? 'cancelled' : 'failed'}`,
      )}
      data-testid="import-result"
    >
      <Stack gap="xs">
        {job.error && <Text size="sm">{job.error}</Text>}
        {job.rejectedRows > 0 && <Text size="sm">{t('import.result.rejectedHint', { count: job.rejectedRows })}</Text>}
        <Group gap="md">
          {job.rejectedRows > 0 && (
            <Anchor href={importsApi.rejectionsUrl(job.id)} download data-testid="import-rejections-link">
              <Group gap={4}>
                <IconDownload size={16} />
                {t('import.result.downloadRejections')}
              </Group>
            </Anchor>
          )}
          {job.kind === 'orders' && job.createdRows > 0 && !job.dryRun && (
            <Anchor component={Link} to="/sales/orders" data-testid="import-orders-link">
              {t('import.orders.viewOrders')}
            </Anchor>
          )}
          {job.kind === 'leads' && job.createdRows > 0 && !job.dryRun && (
            <Anchor component={Link} to="/sales/leads" data-testid="import-leads-link">
              {t('import.leads.viewLeads')}
            </Anchor>
          )}
          {job.kind === 'customers' && job.createdRows + job.updatedRows > 0 && !job.dryRun && (
            <Anchor component={Link} to="/customers?source=import" data-testid="import-customers-link">
              {t('import.result.viewCustomers')}
            </Anchor>
          )}
          <Button variant="light" size="xs" onClick={onAnother}>
            {t('import.result.another')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
