import { Alert, Anchor, Badge, Button, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconPlayerStop } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { languagePart } from '../../../format/language-part.ts';
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

/** The data-testid of each part, so a screen that shows the progress may name them its own way. */
export interface ImportProgressTestIds {
  progress: string;
  created: string;
  updated: string;
  skipped: string;
  rejected: string;
  rejections: string;
  done: string;
}

const TEST_IDS: ImportProgressTestIds = {
  progress: 'import-progress',
  created: 'import-created',
  updated: 'import-updated',
  skipped: 'import-skipped',
  rejected: 'import-rejected',
  rejections: 'import-rejections-link',
  done: 'import-done',
};

export interface ImportProgressProps {
  importId: string;
  /** The import page: "Import another file" starts over. */
  onAnother?: () => void;
  /**
   * A screen that runs its own import (the leads page's modal): a Close button that hands back
   * to it (e.g. to refresh its list), in place of the link to that screen and "Import another file".
   */
  onDone?: () => void;
  testIds?: Partial<ImportProgressTestIds>;
}

/** Live progress of one import (customers, orders or leads), then its result with the rejection report. */
export function ImportProgress({ importId, onAnother, onDone, testIds }: ImportProgressProps) {
  const { t } = useTranslation('dataops');
  const ids = { ...TEST_IDS, ...testIds };
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
    <Stack data-testid={ids.progress} data-status={job.status}>
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
        <Count label={t('import.counts.created')} value={job.createdRows} color="teal" testId={ids.created} />
        {job.kind === 'customers' && (
          <Count label={t('import.counts.updated')} value={job.updatedRows} color="blue" testId={ids.updated} />
        )}
        <Count
          label={t(job.kind === 'leads' ? 'import.leads.skipped' : 'import.counts.skipped')}
          value={job.skippedRows}
          testId={ids.skipped}
        />
        <Count label={t('import.counts.rejected')} value={job.rejectedRows} color="red" testId={ids.rejected} />
      </SimpleGrid>
      {!active && <ImportResult job={job} onAnother={onAnother} onDone={onDone} ids={ids} />}
    </Stack>
  );
}

function ImportResult({
  job,
  onAnother,
  onDone,
  ids,
}: {
  job: ImportJob;
  onAnother: (() => void) | undefined;
  onDone: (() => void) | undefined;
  ids: ImportProgressTestIds;
}) {
  const { t, i18n } = useTranslation('dataops');
  const ok = job.status === 'completed';
  // Inside the screen it leads to, the link to that screen is no use: its Close button is.
  const linkHome = !job.dryRun && !onDone;
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
        {job.error && <Text size="sm">{languagePart(job.error, i18n.language)}</Text>}
        {job.rejectedRows > 0 && <Text size="sm">{t('import.result.rejectedHint', { count: job.rejectedRows })}</Text>}
        <Group gap="md">
          {job.rejectedRows > 0 && (
            <Anchor href={importsApi.rejectionsUrl(job.id)} download data-testid={ids.rejections}>
              <Group gap={4}>
                <IconDownload size={16} />
                {t('import.result.downloadRejections')}
              </Group>
            </Anchor>
          )}
          {job.kind === 'orders' && job.createdRows > 0 && linkHome && (
            <Anchor component={Link} to="/sales/orders" data-testid="import-orders-link">
              {t('import.orders.viewOrders')}
            </Anchor>
          )}
          {job.kind === 'leads' && job.createdRows > 0 && linkHome && (
            <Anchor component={Link} to="/sales/leads" data-testid="import-leads-link">
              {t('import.leads.viewLeads')}
            </Anchor>
          )}
          {job.kind === 'customers' && job.createdRows + job.updatedRows > 0 && linkHome && (
            <Anchor component={Link} to="/customers?source=import" data-testid="import-customers-link">
              {t('import.result.viewCustomers')}
            </Anchor>
          )}
          {onAnother && (
            <Button variant="light" size="xs" onClick={onAnother}>
              {t('import.result.another')}
            </Button>
          )}
          {onDone && (
            <Button size="xs" onClick={onDone} data-testid={ids.done}>
              {t('import.result.close')}
            </Button>
          )}
        </Group>
      </Stack>
    </Alert>
  );
}
