import { Button, Group, Paper, Radio, SegmentedControl, Stack, Stepper, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../auth/session-context.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { importsKey } from '../../../queries/dataops.ts';
import { importsApi } from '../../../queries/dataops-api.ts';
import type {
  ImportJob,
  ImportKind,
  ImportPreview,
  OnMatch,
  UnknownCustomer,
  UnknownSku,
} from '../../../queries/dataops-types.ts';
import { FileDrop } from './FileDrop.tsx';
import { ImportProgress } from './ImportProgress.tsx';
import { ImportsHistory } from './ImportsHistory.tsx';
import { cleanMapping } from './import-fields.ts';
import { PreviewStep } from './PreviewStep.tsx';

type Step = 0 | 1 | 2 | 3;

/** Import wizard (customers or orders): file → preview and mapping → options → live progress and result; past imports below. */
export function ImportPage() {
  const { t } = useTranslation('dataops');
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>(0);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [onMatch, setOnMatch] = useState<OnMatch>('update');
  const [runningId, setRunningId] = useState<string | null>(null);
  const [kind, setKind] = useState<ImportKind>('customers');
  const [unknownCustomer, setUnknownCustomer] = useState<UnknownCustomer>('create');
  const [unknownSku, setUnknownSku] = useState<UnknownSku>('keep');
  const canUpdate = can('customers', 'update');
  const canSell = can('sales', 'create');
  const orders = kind === 'orders';

  const upload = useMutation({
    mutationFn: async (file: File) => {
      const uploaded = await importsApi.upload(file, kind);
      return { uploaded, preview: await importsApi.preview(uploaded.id, onMatch) };
    },
    onSuccess: ({ uploaded, preview: first }) => {
      setJob(uploaded);
      setPreview(first);
      setMapping(Object.fromEntries(first.headers.map((header) => [header, first.mapping[header] ?? ''])));
      setStep(1);
      void queryClient.invalidateQueries({ queryKey: importsKey });
    },
  });
  const refresh = useMutation({
    mutationFn: (next: Record<string, string>) => importsApi.preview(job?.id ?? '', onMatch, cleanMapping(next)),
    onSuccess: setPreview,
  });
  const start = useMutation({
    mutationFn: () =>
      importsApi.start(
        job?.id ?? '',
        orders
          ? { mapping: cleanMapping(mapping), onMatch: 'skip', unknownCustomer, unknownSku }
          : { mapping: cleanMapping(mapping), onMatch: canUpdate ? onMatch : 'skip' },
      ),
    onSuccess: (started) => {
      setRunningId(started.id);
      setStep(3);
      void queryClient.invalidateQueries({ queryKey: importsKey });
    },
  });

  const restart = () => {
    setStep(0);
    setJob(null);
    setPreview(null);
    setMapping({});
    setRunningId(null);
    upload.reset();
    start.reset();
  };
  const changeMapping = (next: Record<string, string>) => {
    setMapping(next);
    refresh.mutate(next);
  };

  return (
    <>
      <PageHeader
        title={t(orders ? 'import.orders.title' : 'import.title')}
        description={t(orders ? 'import.orders.subtitle' : 'import.subtitle')}
      />
      <Paper withBorder radius="md" p="md" mb="lg">
        <Stepper active={step} size="sm" allowNextStepsSelect={false} onStepClick={(index) => setStep(index as Step)}>
          <Stepper.Step label={t('import.steps.file')} allowStepSelect={step > 0 && step < 3}>
            <Stack mt="md">
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('import.kind.label')}
                </Text>
                <SegmentedControl
                  data-testid="import-kind"
                  w="fit-content"
                  value={kind}
                  onChange={(value) => setKind(value === 'orders' ? 'orders' : 'customers')}
                  disabled={upload.isPending}
                  data={[
                    { value: 'customers', label: t('import.kind.customers') },
                    { value: 'orders', label: t('import.kind.orders'), disabled: !canSell },
                  ]}
                />
                {orders && (
                  <Text size="sm" c="dimmed" data-testid="import-orders-format">
                    {t('import.orders.formatHint')}
                  </Text>
                )}
              </Stack>
              <FileDrop disabled={upload.isPending} onFile={(file) => upload.mutate(file)} />
              {upload.isPending && <Text size="sm">{t('import.drop.uploading')}</Text>}
              <ProblemAlert error={upload.error} />
            </Stack>
          </Stepper.Step>
          <Stepper.Step label={t('import.steps.preview')} allowStepSelect={step > 1 && step < 3}>
            {job && preview && (
              <Stack mt="md">
                <PreviewStep
                  kind={kind}
                  {...(orders ? { templateOptions: { unknownCustomer, unknownSku } } : {})}
                  job={job}
                  preview={preview}
                  mapping={mapping}
                  onMatch={onMatch}
                  refreshing={refresh.isPending}
                  error={refresh.error}
                  onMapping={(header, field) => changeMapping({ ...mapping, [header]: field })}
                  onTemplate={(template) => {
                    changeMapping(
                      Object.fromEntries(preview.headers.map((header) => [header, template.mapping[header] ?? ''])),
                    );
                    if (
                      template.options.unknownCustomer === 'create' ||
                      template.options.unknownCustomer === 'reject'
                    ) {
                      setUnknownCustomer(template.options.unknownCustomer);
                    }
                    if (template.options.unknownSku === 'keep' || template.options.unknownSku === 'reject') {
                      setUnknownSku(template.options.unknownSku);
                    }
                    if (template.options.onMatch === 'update' || template.options.onMatch === 'skip') {
                      setOnMatch(template.options.onMatch);
                    }
                  }}
                  onRefresh={() => refresh.mutate(mapping)}
                  onBack={restart}
                  onNext={() => setStep(2)}
                />
              </Stack>
            )}
          </Stepper.Step>
          <Stepper.Step label={t('import.steps.options')}>
            <Stack mt="md" maw={640}>
              {orders ? (
                <>
                  <Title order={4}>{t('import.orders.optionsTitle')}</Title>
                  <Radio.Group
                    value={unknownCustomer}
                    onChange={(value) => setUnknownCustomer(value === 'reject' ? 'reject' : 'create')}
                    label={t('import.orders.unknownCustomer')}
                    description={t('import.orders.unknownCustomerHint')}
                  >
                    <Stack gap="xs" mt="xs">
                      <Radio value="create" label={t('import.orders.createCustomer')} />
                      <Radio value="reject" label={t('import.orders.rejectCustomer')} />
                    </Stack>
                  </Radio.Group>
                  <Radio.Group
                    value={unknownSku}
                    onChange={(value) => setUnknownSku(value === 'reject' ? 'reject' : 'keep')}
                    label={t('import.orders.unknownSku')}
                    description={t('import.orders.unknownSkuHint')}
                  >
                    <Stack gap="xs" mt="xs">
                      <Radio value="keep" label={t('import.orders.keepSku')} />
                      <Radio value="reject" label={t('import.orders.rejectSku')} />
                    </Stack>
                  </Radio.Group>
                </>
              ) : (
                <>
                  <Title order={4}>{t('import.options.title')}</Title>
                  <Radio.Group
                    value={canUpdate ? onMatch : 'skip'}
                    onChange={(value) => setOnMatch(value === 'skip' ? 'skip' : 'update')}
                    label={t('import.options.onMatch')}
                    description={t('import.options.onMatchHint')}
                  >
                    <Stack gap="xs" mt="xs">
                      <Radio value="update" label={t('import.options.update')} disabled={!canUpdate} />
                      <Radio value="skip" label={t('import.options.skip')} />
                    </Stack>
                  </Radio.Group>
                </>
              )}
              <ProblemAlert error={start.error} />
              <Group justify="space-between">
                <Button variant="default" onClick={() => setStep(1)}>
                  {t('import.back')}
                </Button>
                <Button onClick={() => start.mutate()} loading={start.isPending} data-testid="import-start">
                  {t('import.start')}
                </Button>
              </Group>
            </Stack>
          </Stepper.Step>
          <Stepper.Step label={t('import.steps.run')}>
            {runningId && (
              <Stack mt="md">
                <ImportProgress importId={runningId} onAnother={restart} />
              </Stack>
            )}
          </Stepper.Step>
        </Stepper>
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Title order={4} mb="sm">
          {t('import.history.title')}
        </Title>
        <ImportsHistory
          onOpen={(importId) => {
            setRunningId(importId);
            setStep(3);
            window.scrollTo({ top: 0, behavior: 'smooth' });
          }}
        />
      </Paper>
    </>
  );
}
