import { Badge, Button, Group, Modal, Radio, Select, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { languagePart } from '../../format/language-part.ts';
import { importsApi } from '../../queries/dataops-api.ts';
import type { ImportKind } from '../../queries/dataops-types.ts';
import { FileDrop } from '../dataops/import/FileDrop.tsx';
import { ImportProgress, type ImportProgressTestIds } from '../dataops/import/ImportProgress.tsx';
import { previewCell } from '../dataops/import/preview-cell.ts';
import { LEAD_IMPORT_FIELDS, type LeadImportPreview, leadImportApi, leadKeys } from './leads-api.ts';

type OnDuplicate = 'skip' | 'create';

const OUTCOME_COLOR = { create: 'teal', update: 'blue', skip: 'gray', reject: 'red' } as const;

/** The names the leads screen has always given the progress's parts (test/e2e/leads.e2e.test.ts uses them). */
const PROGRESS_TEST_IDS: Partial<ImportProgressTestIds> = {
  progress: 'lead-import-progress',
  created: 'lead-import-created',
  skipped: 'lead-import-skipped',
  rejected: 'lead-import-rejected',
  rejections: 'lead-import-rejections',
  done: 'lead-import-done',
};

/** Only the columns that go somewhere. */
const cleanMapping = (m: Record<string, string>) => Object.fromEntries(Object.entries(m).filter(([, f]) => f !== ''));

/**
 * Imports leads from a CSV file on the shared imports machinery: upload and preview (the
 * columns mapped from their Thai or English headers, the first rows' outcome), then start
 * it as a background job and follow its progress; rejected rows can be downloaded.
 */
export function LeadImportModal({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation('leads');
  const queryClient = useQueryClient();
  const [importId, setImportId] = useState<string | null>(null);
  const [preview, setPreview] = useState<LeadImportPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [onDuplicate, setOnDuplicate] = useState<OnDuplicate>('skip');
  const [running, setRunning] = useState<string | null>(null);

  const upload = useMutation({
    mutationFn: async (file: File) => {
      const job = await importsApi.upload(file, 'leads' as string as ImportKind);
      return { job, preview: await leadImportApi.preview(job.id, onDuplicate) };
    },
    onSuccess: ({ job, preview: first }) => {
      setImportId(job.id);
      setPreview(first);
      setMapping(Object.fromEntries(first.headers.map((h) => [h, first.mapping[h] ?? ''])));
    },
  });
  const refresh = useMutation({
    mutationFn: (next: { mapping: Record<string, string>; onDuplicate: OnDuplicate }) =>
      leadImportApi.preview(importId ?? '', next.onDuplicate, cleanMapping(next.mapping)),
    onSuccess: setPreview,
  });
  const start = useMutation({
    mutationFn: () => leadImportApi.start(importId ?? '', cleanMapping(mapping), onDuplicate),
    onSuccess: (job) => setRunning(job.id),
  });
  const close = () => {
    void queryClient.invalidateQueries({ queryKey: leadKeys.all });
    onClose();
  };
  const fieldOptions = [
    { value: '', label: t('import.ignore') },
    ...LEAD_IMPORT_FIELDS.map((f) => ({ value: f, label: t(`import.fields.${f}`) })),
  ];

  return (
    <Modal opened onClose={close} title={t('import.title')} size="xl">
      {running ? (
        <ImportProgress importId={running} onDone={close} testIds={PROGRESS_TEST_IDS} />
      ) : !preview ? (
        <Stack>
          <Text size="sm" c="dimmed">
            {t('import.hint')}
          </Text>
          <FileDrop disabled={upload.isPending} onFile={(file) => upload.mutate(file)} />
          {upload.isPending && <Text size="sm">{t('import.uploading')}</Text>}
          <ProblemAlert error={upload.error} />
        </Stack>
      ) : (
        <Stack>
          <ProblemAlert error={refresh.error ?? start.error} />
          <Table withTableBorder verticalSpacing={4} data-testid="lead-import-mapping">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('import.column')}</Table.Th>
                <Table.Th>{t('import.field')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.headers.map((header) => (
                <Table.Tr key={header}>
                  <Table.Td>{header}</Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={header}
                      data={fieldOptions}
                      value={mapping[header] ?? ''}
                      onChange={(field) => {
                        const next = { ...mapping, [header]: field ?? '' };
                        setMapping(next);
                        refresh.mutate({ mapping: next, onDuplicate });
                      }}
                      allowDeselect={false}
                      size="xs"
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Radio.Group
            value={onDuplicate}
            onChange={(value) => {
              const next = value === 'create' ? 'create' : 'skip';
              setOnDuplicate(next);
              refresh.mutate({ mapping, onDuplicate: next });
            }}
            label={t('import.onDuplicate')}
          >
            <Group mt="xs">
              <Radio value="skip" label={t('import.skipDuplicates')} />
              <Radio value="create" label={t('import.createDuplicates')} />
            </Group>
          </Radio.Group>
          <Text size="sm" fw={500}>
            {t('import.previewTitle', { count: preview.rows.length })}
          </Text>
          <Table.ScrollContainer minWidth={600} mah={260}>
            <Table verticalSpacing={4} data-testid="lead-import-preview">
              <Table.Tbody>
                {preview.rows.map((r) => (
                  <Table.Tr key={r.line} data-outcome={r.outcome}>
                    <Table.Td w={60}>{r.line}</Table.Td>
                    <Table.Td w={110}>
                      <Badge color={OUTCOME_COLOR[r.outcome]} variant="light">
                        {t(`import.outcomes.${r.outcome}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">
                        {Object.entries(r.values)
                          .filter(([, value]) => value !== '')
                          .slice(0, 4)
                          .map(([header, value]) => previewCell(value, mapping[header]))
                          .join(' · ')}
                      </Text>
                      {r.reason && (
                        <Text size="xs" c="dimmed">
                          {languagePart(r.reason, i18n.language)}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('drawer.cancel')}
            </Button>
            <Button
              onClick={() => start.mutate()}
              loading={start.isPending}
              disabled={refresh.isPending || refresh.isError}
              data-testid="lead-import-start"
            >
              {t('import.start')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
