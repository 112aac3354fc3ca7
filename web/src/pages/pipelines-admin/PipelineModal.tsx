import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import type { Pipeline } from '../../queries/deals-types.ts';

/** Names a new pipeline (with its first stage) or renames one. */
export function PipelineModal({
  pipeline,
  pending,
  error,
  onSave,
  onClose,
}: {
  pipeline?: Pipeline;
  pending: boolean;
  error: Error | null;
  onSave: (names: { nameTh: string; nameEn: string | null; firstStage?: string }) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('forecasts');
  const [nameTh, setNameTh] = useState(pipeline?.nameTh ?? '');
  const [nameEn, setNameEn] = useState(pipeline?.nameEn ?? '');
  const [firstStage, setFirstStage] = useState('');
  const valid = nameTh.trim() !== '' && (pipeline || firstStage.trim() !== '');
  return (
    <Modal opened onClose={onClose} title={pipeline ? t('admin.rename') : t('admin.newPipeline')}>
      <Stack>
        <TextInput
          label={t('admin.nameTh')}
          value={nameTh}
          onChange={(e) => setNameTh(e.currentTarget.value)}
          required
        />
        <TextInput label={t('admin.nameEn')} value={nameEn} onChange={(e) => setNameEn(e.currentTarget.value)} />
        {!pipeline && (
          <TextInput
            label={t('admin.firstStage')}
            value={firstStage}
            onChange={(e) => setFirstStage(e.currentTarget.value)}
            required
          />
        )}
        <ProblemAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('admin.cancel')}
          </Button>
          <Button
            disabled={!valid}
            loading={pending}
            onClick={() =>
              onSave({
                nameTh: nameTh.trim(),
                nameEn: nameEn.trim() || null,
                ...(pipeline ? {} : { firstStage: firstStage.trim() }),
              })
            }
          >
            {t('admin.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
