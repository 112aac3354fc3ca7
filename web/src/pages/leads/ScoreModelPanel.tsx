import { Alert, Badge, Button, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useFormatters } from '../../format/use-formatters.ts';
import { leadKeys, leadSetupApi } from './leads-api.ts';

/** The learned score: outcomes so far, the current model with held-out accuracy and AUC, and a train button. */
export function ScoreModelPanel({ manage }: { manage: boolean }) {
  const { t } = useTranslation('leads');
  const fmt = useFormatters();
  const queryClient = useQueryClient();
  const status = useQuery({
    queryKey: [...leadKeys.setup, 'model'],
    queryFn: leadSetupApi.model,
    refetchInterval: (q) =>
      q.state.data?.latest && ['queued', 'running'].includes(q.state.data.latest.status) ? 3000 : false,
  });
  const train = useMutation({
    mutationFn: () => leadSetupApi.train(),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [...leadKeys.setup, 'model'] }),
  });
  const s = status.data;
  const m = s?.current;
  const pct = (v: number | null) => (v === null ? '—' : `${fmt.number(Math.round(v * 1000) / 10)}%`);
  return (
    <Stack data-testid="score-model">
      <ProblemAlert error={status.error ?? train.error} />
      {s && (
        <Text size="sm">
          {t('setup.modelOutcomes', { won: s.outcomes.won, lost: s.outcomes.lost, need: s.minOutcomes })}
        </Text>
      )}
      {s?.latest && s.latest.status !== 'trained' && (
        <Group gap="xs">
          <Badge variant="light" color={s.latest.status === 'failed' ? 'red' : 'blue'}>
            {t(`setup.modelStatus.${s.latest.status}`)}
          </Badge>
          {s.latest.errorCode && <Text size="sm">{t('setup.modelFailed', { code: s.latest.errorCode })}</Text>}
        </Group>
      )}
      {m ? (
        <>
          <Text size="sm">
            {t('setup.modelTrained', { date: fmt.dateTime(m.trainedAt), train: m.nTrain, holdout: m.nHoldout })}
          </Text>
          <SimpleGrid cols={2} maw={360}>
            <div>
              <Text size="xs" c="dimmed">
                {t('setup.accuracy')}
              </Text>
              <Text fw={600} data-testid="model-accuracy">
                {pct(m.accuracy)}
              </Text>
            </div>
            <div>
              <Text size="xs" c="dimmed">
                {t('setup.auc')}
              </Text>
              <Text fw={600}>{m.auc === null ? '—' : fmt.number(Math.round(m.auc * 100) / 100)}</Text>
            </div>
          </SimpleGrid>
          <Table verticalSpacing={4} maw={520}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('setup.rule')}</Table.Th>
                <Table.Th ta="right">{t('setup.weight')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {m.features.map((f) => (
                <Table.Tr key={f.ruleId}>
                  <Table.Td>{f.name}</Table.Td>
                  <Table.Td ta="right">{fmt.number(Math.round(f.weight * 100) / 100)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t('setup.modelNone')}
        </Text>
      )}
      {train.isSuccess && <Alert color="blue">{t('setup.trainQueued')}</Alert>}
      {manage && (
        <Group>
          <Button variant="light" onClick={() => train.mutate()} loading={train.isPending} data-testid="model-train">
            {t('setup.train')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
