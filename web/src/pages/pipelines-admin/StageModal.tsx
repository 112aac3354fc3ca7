import { Button, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import type { Stage, StageKind } from '../../queries/deals-types.ts';
import type { StageInput } from './pipelines-admin-api.ts';

/** Adds a stage (with its kind) or edits one (name, probability; its kind stays). */
export function StageModal({
  stage,
  title,
  pending,
  error,
  onSave,
  onClose,
}: {
  stage?: Stage;
  title: string;
  pending: boolean;
  error: Error | null;
  onSave: (input: StageInput) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('forecasts');
  const [nameTh, setNameTh] = useState(stage?.nameTh ?? '');
  const [nameEn, setNameEn] = useState(stage?.nameEn ?? '');
  const [probability, setProbability] = useState<number | string>(stage?.probability ?? 50);
  const [kind, setKind] = useState<StageKind>(stage?.kind ?? 'open');
  const valid = nameTh.trim() !== '' && probability !== '' && Number(probability) >= 0 && Number(probability) <= 100;
  return (
    <Modal opened onClose={onClose} title={title}>
      <Stack>
        <TextInput
          label={t('admin.nameTh')}
          value={nameTh}
          onChange={(e) => setNameTh(e.currentTarget.value)}
          required
        />
        <TextInput label={t('admin.nameEn')} value={nameEn} onChange={(e) => setNameEn(e.currentTarget.value)} />
        <NumberInput
          label={t('admin.probability')}
          value={probability}
          onChange={setProbability}
          min={0}
          max={100}
          allowDecimal={false}
        />
        <Select
          label={t('admin.kind')}
          data={(['open', 'won', 'lost'] as const).map((k) => ({ value: k, label: t(`admin.kinds.${k}`) }))}
          value={kind}
          onChange={(v) => v && setKind(v as StageKind)}
          disabled={Boolean(stage)}
          allowDeselect={false}
        />
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
                probability: Number(probability),
                ...(stage ? {} : { kind }),
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
