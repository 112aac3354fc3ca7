import { ActionIcon, Badge, Button, Card, Group, Select, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session-context.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import type { Stage } from '../../queries/deals-types.ts';
import { localName } from '../deals/deal-format.ts';
import { DeleteStageModal } from './DeleteStageModal.tsx';
import { PipelineModal } from './PipelineModal.tsx';
import { pipelinesAdminApi, pipelinesAdminKeys, type StageInput } from './pipelines-admin-api.ts';
import { StageModal } from './StageModal.tsx';

const KIND_COLOR = { open: 'blue', won: 'teal', lost: 'gray' } as const;

type Dialog =
  | { kind: 'newPipeline' }
  | { kind: 'rename' }
  | { kind: 'addStage' }
  | { kind: 'editStage'; stage: Stage }
  | { kind: 'deleteStage'; stage: Stage }
  | null;

/** Pipelines and their stages: names, order, win probability, kind; delete a stage moving its deals. */
export function PipelinesAdminPage() {
  const { t, i18n } = useTranslation('forecasts');
  const { scopeOf, can } = useSession();
  const queryClient = useQueryClient();
  const editable = can('sales', 'update') && scopeOf('sales') !== 'own';
  const [selected, setSelected] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const pipelines = useQuery({ queryKey: pipelinesAdminKeys.all, queryFn: pipelinesAdminApi.list });
  const pipeline =
    pipelines.data?.find((p) => p.id === selected) ?? pipelines.data?.find((p) => p.isDefault) ?? pipelines.data?.[0];
  const done = () => {
    setDialog(null);
    // The board and deal pages read pipelines too.
    void queryClient.invalidateQueries({ queryKey: ['deals'] });
  };
  const save = useMutation({
    mutationFn: async (run: () => Promise<unknown>) => run(),
    onSuccess: done,
  });
  const reorder = useMutation({
    mutationFn: async (stages: Stage[]) => {
      for (const [index, stage] of stages.entries())
        if (stage.position !== index && pipeline)
          await pipelinesAdminApi.updateStage(pipeline.id, stage.id, { position: index });
    },
    onSettled: done,
  });
  const remove = useMutation({
    mutationFn: ({ stage, moveTo }: { stage: Stage; moveTo: string | null }) =>
      pipelinesAdminApi.deleteStage(stage.pipelineId, stage.id, moveTo),
    onSuccess: (result) => {
      notifications.show({ color: 'teal', message: t('admin.deleted', { count: result.movedDeals }) });
      done();
    },
  });
  const move = (index: number, by: -1 | 1) => {
    if (!pipeline) return;
    const stages = [...pipeline.stages];
    const [stage] = stages.splice(index, 1);
    if (!stage) return;
    stages.splice(index + by, 0, stage);
    reorder.mutate(stages);
  };
  const stageSave = (input: StageInput) => {
    if (!pipeline || !dialog) return;
    if (dialog.kind === 'editStage') {
      const { kind: _kind, ...change } = input;
      save.mutate(() => pipelinesAdminApi.updateStage(pipeline.id, dialog.stage.id, change));
    } else save.mutate(() => pipelinesAdminApi.addStage(pipeline.id, input));
  };

  return (
    <>
      <PageHeader
        title={t('admin.title')}
        description={t('admin.subtitle')}
        actions={
          <>
            <Select
              aria-label={t('admin.pipelineName')}
              data={(pipelines.data ?? []).map((p) => ({
                value: p.id,
                label: `${localName(p, i18n.language)}${p.archived ? ` (${t('admin.archived')})` : ''}`,
              }))}
              value={pipeline?.id ?? null}
              onChange={setSelected}
              allowDeselect={false}
              w={240}
              data-testid="pipeline-select"
            />
            {editable && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'newPipeline' })}>
                {t('admin.newPipeline')}
              </Button>
            )}
          </>
        }
      />
      <ProblemAlert error={pipelines.error ?? reorder.error} />
      {pipeline && (
        <Card withBorder padding="md" data-testid="pipeline-stages">
          <Group justify="space-between" mb="sm">
            <Group gap="xs">
              <Text fw={600} size="lg">
                {localName(pipeline, i18n.language)}
              </Text>
              {pipeline.isDefault && <Badge variant="light">{t('admin.default')}</Badge>}
              {pipeline.archived && (
                <Badge variant="light" color="gray">
                  {t('admin.archived')}
                </Badge>
              )}
            </Group>
            {editable && (
              <Group gap="xs">
                <Button variant="default" size="xs" onClick={() => setDialog({ kind: 'rename' })}>
                  {t('admin.rename')}
                </Button>
                {!pipeline.isDefault && !pipeline.archived && (
                  <Button
                    variant="default"
                    size="xs"
                    onClick={() => save.mutate(() => pipelinesAdminApi.update(pipeline.id, { isDefault: true }))}
                  >
                    {t('admin.makeDefault')}
                  </Button>
                )}
                {!pipeline.isDefault && (
                  <Button
                    variant="default"
                    size="xs"
                    onClick={() =>
                      save.mutate(() => pipelinesAdminApi.update(pipeline.id, { archived: !pipeline.archived }))
                    }
                  >
                    {pipeline.archived ? t('admin.unarchive') : t('admin.archive')}
                  </Button>
                )}
                <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setDialog({ kind: 'addStage' })}>
                  {t('admin.addStage')}
                </Button>
              </Group>
            )}
          </Group>
          <ProblemAlert error={dialog === null ? (save.error ?? remove.error) : null} />
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={90}>{t('admin.position')}</Table.Th>
                <Table.Th>{t('admin.nameTh')}</Table.Th>
                <Table.Th>{t('admin.nameEn')}</Table.Th>
                <Table.Th ta="right">{t('admin.probability')}</Table.Th>
                <Table.Th>{t('admin.kind')}</Table.Th>
                {editable && <Table.Th w={90} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pipeline.stages.map((stage, index) => (
                <Table.Tr key={stage.id} data-testid="stage-row">
                  <Table.Td>
                    {editable ? (
                      <Group gap={2} wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('admin.moveUp')}
                          disabled={index === 0 || reorder.isPending}
                          onClick={() => move(index, -1)}
                        >
                          <IconArrowUp size={16} />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('admin.moveDown')}
                          disabled={index === pipeline.stages.length - 1 || reorder.isPending}
                          onClick={() => move(index, 1)}
                        >
                          <IconArrowDown size={16} />
                        </ActionIcon>
                      </Group>
                    ) : (
                      index + 1
                    )}
                  </Table.Td>
                  <Table.Td>{stage.nameTh}</Table.Td>
                  <Table.Td>{stage.nameEn ?? '—'}</Table.Td>
                  <Table.Td ta="right">{stage.probability}%</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={KIND_COLOR[stage.kind]}>
                      {t(`admin.kinds.${stage.kind}`)}
                    </Badge>
                  </Table.Td>
                  {editable && (
                    <Table.Td>
                      <Group gap={2} wrap="nowrap">
                        <Tooltip label={t('admin.edit')}>
                          <ActionIcon
                            variant="subtle"
                            aria-label={t('admin.edit')}
                            onClick={() => setDialog({ kind: 'editStage', stage })}
                          >
                            <IconPencil size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('admin.delete')}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t('admin.delete')}
                            onClick={() => {
                              remove.reset();
                              setDialog({ kind: 'deleteStage', stage });
                            }}
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {(dialog?.kind === 'addStage' || dialog?.kind === 'editStage') && (
        <StageModal
          stage={dialog.kind === 'editStage' ? dialog.stage : undefined}
          title={dialog.kind === 'editStage' ? t('admin.edit') : t('admin.addStage')}
          pending={save.isPending}
          error={save.error}
          onSave={stageSave}
          onClose={() => {
            save.reset();
            setDialog(null);
          }}
        />
      )}
      {dialog?.kind === 'deleteStage' && pipeline && (
        <DeleteStageModal
          pipeline={pipeline}
          stage={dialog.stage}
          pending={remove.isPending}
          error={remove.error}
          onDelete={(moveTo) => remove.mutate({ stage: dialog.stage, moveTo })}
          onClose={() => setDialog(null)}
        />
      )}
      {(dialog?.kind === 'newPipeline' || dialog?.kind === 'rename') && (
        <PipelineModal
          pipeline={dialog.kind === 'rename' ? pipeline : undefined}
          pending={save.isPending}
          error={save.error}
          onSave={({ nameTh, nameEn, firstStage }) => {
            if (dialog.kind === 'rename' && pipeline)
              save.mutate(() => pipelinesAdminApi.update(pipeline.id, { nameTh, nameEn }));
            else
              save.mutate(async () => {
                const created = await pipelinesAdminApi.create({
                  nameTh,
                  nameEn,
                  stages: [
                    { nameTh: firstStage ?? nameTh, probability: 20 },
                    { nameTh: 'ปิดการขายได้', nameEn: 'Won', probability: 100, kind: 'won' },
                    { nameTh: 'ปิดการขายไม่ได้', nameEn: 'Lost', probability: 0, kind: 'lost' },
                  ],
                });
                setSelected(created.id);
              });
          }}
          onClose={() => {
            save.reset();
            setDialog(null);
          }}
        />
      )}
    </>
  );
}
