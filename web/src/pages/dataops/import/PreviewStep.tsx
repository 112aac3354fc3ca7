import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import type { ImportJob, ImportKind, ImportPreview, MappingTemplate, OnMatch } from '../../../queries/dataops-types.ts';
import { MappingTable } from './MappingTable.tsx';
import { MappingTemplates } from './MappingTemplates.tsx';
import { PreviewRows } from './PreviewRows.tsx';

const DELIMITERS: Record<string, 'comma' | 'semicolon' | 'tab' | 'pipe'> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
};

/** What the file looks like, how its columns map to customer fields, and what the first rows would do. */
export function PreviewStep({
  job,
  preview,
  mapping,
  onMatch,
  refreshing,
  error,
  onMapping,
  onTemplate,
  onRefresh,
  onBack,
  onNext,
  kind = 'customers',
  templateOptions,
}: {
  kind?: ImportKind;
  templateOptions?: Record<string, unknown>;
  job: ImportJob;
  preview: ImportPreview;
  mapping: Record<string, string>;
  onMatch: OnMatch;
  refreshing: boolean;
  error: Error | null;
  onMapping: (header: string, field: string) => void;
  onTemplate: (template: MappingTemplate) => void;
  onRefresh: () => void;
  onBack: () => void;
  onNext: () => void;
}) {
  const { t } = useTranslation('dataops');
  const mapped = Object.values(mapping).filter(Boolean).length;
  const counts = preview.rows.reduce<Record<string, number>>((acc, row) => {
    acc[row.outcome] = (acc[row.outcome] ?? 0) + 1;
    return acc;
  }, {});

  return (
    <Stack>
      <Group gap="xs" data-testid="import-detected">
        <Text size="sm" fw={500}>
          {job.fileName}
        </Text>
        <Badge variant="light" tt="none">
          {t('import.detected.encoding', { encoding: preview.encoding })}
        </Badge>
        <Badge variant="light" tt="none">
          {t('import.detected.delimiter', {
            delimiter: DELIMITERS[preview.delimiter]
              ? t(`import.delimiter.${DELIMITERS[preview.delimiter] ?? 'comma'}`)
              : preview.delimiter,
          })}
        </Badge>
        <Badge variant="light" color="gray" tt="none">
          {t('import.detected.columns', { count: preview.headers.length })}
        </Badge>
      </Group>
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
          <Stack gap={2}>
            <Title order={4}>{t('import.mapping.title')}</Title>
            <Text size="sm" c="dimmed">
              {t(kind === 'orders' ? 'import.orders.mappingHint' : 'import.mapping.hint')}
            </Text>
          </Stack>
          <MappingTemplates
            mapping={mapping}
            onMatch={onMatch}
            onLoad={onTemplate}
            kind={kind}
            {...(templateOptions ? { options: templateOptions } : {})}
          />
        </Group>
        <MappingTable preview={preview} mapping={mapping} onChange={onMapping} kind={kind} />
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" mb="sm" wrap="wrap">
          <Stack gap={2}>
            <Title order={4}>{t('import.preview.title')}</Title>
            <Group gap="xs">
              {(kind === 'orders'
                ? (['create', 'skip', 'reject'] as const)
                : (['create', 'update', 'skip', 'reject'] as const)
              ).map((outcome) => (
                <Text key={outcome} size="sm" c="dimmed">
                  {t(kind === 'orders' ? `import.orders.outcome.${outcome}` : `import.outcome.${outcome}`)}:{' '}
                  {counts[outcome] ?? 0}
                </Text>
              ))}
            </Group>
          </Stack>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconRefresh size={14} />}
            loading={refreshing}
            onClick={onRefresh}
          >
            {t('import.preview.refresh')}
          </Button>
        </Group>
        <ProblemAlert error={error} />
        <PreviewRows preview={preview} mapping={mapping} kind={kind} />
      </Paper>
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          {t('import.back')}
        </Button>
        <Button onClick={onNext} disabled={mapped === 0 || refreshing} data-testid="import-next">
          {t('import.next')}
        </Button>
      </Group>
    </Stack>
  );
}
