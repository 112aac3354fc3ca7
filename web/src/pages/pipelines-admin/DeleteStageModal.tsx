import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import type { Pipeline, Stage } from '../../queries/deals-types.ts';
import { localName } from '../deals/deal-format.ts';

/** Asks where the deals of a stage go (a stage of the same pipeline and kind) before deleting it. */
export function DeleteStageModal({
  pipeline,
  stage,
  pending,
  error,
  onDelete,
  onClose,
}: {
  pipeline: Pipeline;
  stage: Stage;
  pending: boolean;
  error: Error | null;
  onDelete: (moveTo: string | null) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('forecasts');
  const targets = pipeline.stages.filter((s) => s.id !== stage.id && s.kind === stage.kind);
  const nearest = [...targets].sort(
    (a, b) => Math.abs(a.position - stage.position) - Math.abs(b.position - stage.position),
  )[0];
  const [moveTo, setMoveTo] = useState<string>(nearest?.id ?? '');
  return (
    <Modal opened onClose={onClose} title={t('admin.deleteTitle', { stage: localName(stage, i18n.language) })}>
      <Stack>
        <Text size="sm">{t('admin.deleteText')}</Text>
        <Select
          label={t('admin.moveTo')}
          data={[
            ...targets.map((s) => ({ value: s.id, label: `${localName(s, i18n.language)} (${s.probability}%)` })),
            { value: '', label: t('admin.noTarget') },
          ]}
          value={moveTo}
          onChange={(v) => setMoveTo(v ?? '')}
          allowDeselect={false}
          data-testid="delete-move-to"
        />
        <ProblemAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('admin.cancel')}
          </Button>
          <Button color="red" loading={pending} onClick={() => onDelete(moveTo || null)} data-testid="delete-confirm">
            {t('admin.confirmDelete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
