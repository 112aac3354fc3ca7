import { Alert, Button, Divider, Group, Modal, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/problem.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useFormatters } from '../../format/use-formatters.ts';
import { LadderHistory } from './LadderHistory.tsx';
import { type CustomerLadder, LADDER_STAGES, type LadderStage, useOverrideMutations } from './ladder-api.ts';
import { StageBadge } from './StageBadge.tsx';

/**
 * Mounted when opened, so the form starts fresh each time.
 * The stage, why, its history, and (for staff who may edit the customer) a hand-set stage. */
export function LadderModal({
  ladder,
  opened,
  onClose,
  editable,
}: {
  ladder: CustomerLadder;
  opened: boolean;
  onClose: () => void;
  editable: boolean;
}) {
  const { t } = useTranslation('ladder');
  const format = useFormatters();
  const mutations = useOverrideMutations(ladder.customerId);
  const [stage, setStage] = useState<LadderStage>(ladder.override?.stage ?? ladder.stage);
  const [reason, setReason] = useState('');

  const override = ladder.override;
  const error = mutations.set.error ?? mutations.clear.error;
  const fieldErrors = mutations.set.error instanceof ApiError ? mutations.set.error.fieldErrors() : {};

  return (
    <Modal opened={opened} onClose={onClose} title={<Title order={4}>{t('profile.title')}</Title>} size="lg">
      <Stack gap="md">
        <Group gap="sm" wrap="wrap">
          <StageBadge stage={ladder.stage} manual={Boolean(override)} size="lg" data-testid="ladder-modal-stage" />
          {ladder.since && (
            <Text size="sm" c="dimmed">
              {t('profile.since', { date: format.date(ladder.since) })}
            </Text>
          )}
        </Group>
        {ladder.computedAt ? (
          <Stack gap={0}>
            <Text size="sm">
              {t('profile.facts', {
                purchases: format.number(ladder.facts.purchases),
                referrals: format.number(ladder.facts.referrals),
              })}
            </Text>
            <Text size="sm" c="dimmed" data-testid="ladder-rule-says">
              {t('profile.ruleSays', {
                stage: t(`stages.${ladder.ruleStage}`),
                matched: t(`matched.${ladder.facts.matched as 'none'}`, { defaultValue: ladder.facts.matched }),
              })}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('profile.pending')}
          </Text>
        )}
        {override && (
          <Alert variant="light" color="grape" data-testid="ladder-override">
            <Text size="sm">
              {override.byName
                ? t('profile.overrideBy', {
                    name: override.byName,
                    date: format.date(override.at),
                    reason: override.reason,
                  })
                : t('profile.overrideBySomeone', { date: format.date(override.at), reason: override.reason })}
            </Text>
          </Alert>
        )}
        <ProblemAlert error={error} />
        {editable && (
          <Stack gap="xs">
            <Divider label={t('profile.setTitle')} labelPosition="left" />
            <Text size="xs" c="dimmed">
              {t('profile.setHint')}
            </Text>
            <Group align="flex-start" grow>
              <Select
                label={t('profile.stageField')}
                data={LADDER_STAGES.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
                value={stage}
                onChange={(v) => v && setStage(v as LadderStage)}
                allowDeselect={false}
                data-testid="ladder-stage-select"
              />
            </Group>
            <Textarea
              label={t('profile.reasonField')}
              placeholder={t('profile.reasonPlaceholder')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={fieldErrors.reason}
              autosize
              minRows={2}
              maxLength={500}
              data-testid="ladder-reason"
            />
            <Group justify="flex-end">
              {override && (
                <Button variant="default" loading={mutations.clear.isPending} onClick={() => mutations.clear.mutate()}>
                  {t('profile.clear')}
                </Button>
              )}
              <Button
                loading={mutations.set.isPending}
                onClick={() => mutations.set.mutate({ stage, reason }, { onSuccess: () => setReason('') })}
                data-testid="ladder-save"
              >
                {t('profile.save')}
              </Button>
            </Group>
          </Stack>
        )}
        <Divider label={t('profile.history')} labelPosition="left" />
        <LadderHistory entries={ladder.history} />
      </Stack>
    </Modal>
  );
}
