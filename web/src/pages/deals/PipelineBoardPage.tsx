import { DndContext, type DragEndEvent, PointerSensor, useSensor, useSensors } from '@dnd-kit/core';
import { Button, Group, ScrollArea, SegmentedControl, Select } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useSession } from '../../auth/session-context.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { dealApi, dealKeys, pipelineApi } from '../../queries/deals-api.ts';
import type { Board, DealCard } from '../../queries/deals-types.ts';
import { BoardColumnView } from './BoardColumnView.tsx';
import { DealCreateModal } from './DealCreateModal.tsx';
import { DealDrawer } from './DealDrawer.tsx';
import { localName } from './deal-format.ts';
import { LostReasonModal } from './LostReasonModal.tsx';

interface PendingMove {
  deal: DealCard;
  stageId: string;
  position?: number;
}

/** The card moved in the cached board right away; the server's answer replaces it. */
function moveInBoard(board: Board, move: PendingMove): Board {
  return {
    ...board,
    columns: board.columns.map((c) => {
      const without = c.deals.filter((d) => d.id !== move.deal.id);
      const left = without.length !== c.deals.length;
      if (c.stage.id !== move.stageId) return left ? { ...c, deals: without, count: c.count - 1 } : c;
      const at = move.position ?? without.length;
      const deals = [...without.slice(0, at), { ...move.deal, stageId: move.stageId }, ...without.slice(at)];
      return { ...c, deals, count: left ? c.count : c.count + 1 };
    }),
  };
}

/** Kanban board of a pipeline: columns per stage with totals; drag a card to move its deal. */
export function PipelineBoardPage() {
  const { t, i18n } = useTranslation('deals');
  const { can, user } = useSession();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const [lostMove, setLostMove] = useState<PendingMove | null>(null);
  const [extra, setExtra] = useState<Record<string, { items: DealCard[]; cursor: string | null }>>({});
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const pipelines = useQuery({ queryKey: dealKeys.pipelines, queryFn: pipelineApi.list });
  const pipelineId = params.get('pipeline') ?? pipelines.data?.find((p) => p.isDefault)?.id ?? pipelines.data?.[0]?.id;
  const openDeal = params.get('deal');
  const ownerId = params.get('mine') === '1' ? user.id : undefined;
  const boardKey = [...dealKeys.all, 'board', pipelineId, ownerId];
  const board = useQuery({
    queryKey: boardKey,
    queryFn: () => pipelineApi.board(pipelineId as string, { perStage: 25, ...(ownerId ? { ownerId } : {}) }),
    enabled: Boolean(pipelineId),
  });
  const more = useMutation({
    mutationFn: ({ stageId, cursor }: { stageId: string; cursor: string }) =>
      pipelineApi.stageCards(pipelineId as string, stageId, cursor, ownerId),
    onSuccess: (page, { stageId }) =>
      setExtra((e) => ({
        ...e,
        [stageId]: { items: [...(e[stageId]?.items ?? []), ...page.items], cursor: page.nextCursor },
      })),
  });
  const move = useMutation({
    mutationFn: (m: PendingMove & { lostReason?: string }) =>
      dealApi.move(m.deal.id, {
        stageId: m.stageId,
        ...(m.position === undefined ? {} : { position: m.position }),
        ...(m.lostReason ? { lostReason: m.lostReason } : {}),
      }),
    onMutate: (m) => {
      const before = queryClient.getQueryData<Board>(boardKey);
      if (before) queryClient.setQueryData<Board>(boardKey, moveInBoard(before, m));
    },
    onSettled: () => {
      setExtra({});
      void queryClient.invalidateQueries({ queryKey: dealKeys.all });
    },
  });
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const deal = active.data.current?.deal as DealCard | undefined;
    const stageId = over?.data.current?.stageId as string | undefined;
    if (!deal || !stageId || !board.data) return;
    const column = board.data.columns.find((c) => c.stage.id === stageId);
    if (!column) return;
    const overDeal = over?.data.current?.dealId as string | undefined;
    if (overDeal === deal.id) return;
    const others = [...column.deals, ...(extra[stageId]?.items ?? [])].filter((d) => d.id !== deal.id);
    const index = overDeal ? others.findIndex((d) => d.id === overDeal) : -1;
    const position = index >= 0 ? index : undefined;
    // Dropped on the empty part of its own column: nothing changes.
    if (stageId === deal.stageId && position === undefined) return;
    const pending = { deal, stageId, ...(position === undefined ? {} : { position }) };
    if (column.stage.kind === 'lost' && deal.stageId !== stageId) setLostMove(pending);
    else move.mutate(pending);
  };

  return (
    <>
      <PageHeader
        title={t('board.title')}
        description={t('board.subtitle')}
        actions={
          <>
            <SegmentedControl
              data={[
                { value: '0', label: t('board.everyone') },
                { value: '1', label: t('board.mine') },
              ]}
              value={ownerId ? '1' : '0'}
              onChange={(v) => {
                setExtra({});
                setParam('mine', v === '1' ? '1' : null);
              }}
            />
            <Select
              aria-label={t('board.pipeline')}
              data={(pipelines.data ?? []).map((p) => ({ value: p.id, label: localName(p, i18n.language) }))}
              value={pipelineId ?? null}
              onChange={(v) => {
                setExtra({});
                setParam('pipeline', v);
              }}
              allowDeselect={false}
              w={220}
            />
            {can('sales', 'create') && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                {t('deal.new')}
              </Button>
            )}
          </>
        }
      />
      <ProblemAlert error={pipelines.error ?? board.error ?? move.error ?? more.error} />
      <DndContext sensors={sensors} onDragEnd={onDragEnd}>
        <ScrollArea type="auto" offsetScrollbars>
          <Group align="flex-start" wrap="nowrap" gap="sm" pb="md" data-testid="pipeline-board">
            {(board.data?.columns ?? []).map((column) => (
              <BoardColumnView
                key={column.stage.id}
                column={column}
                extra={extra[column.stage.id]?.items ?? []}
                loadingMore={more.isPending && more.variables?.stageId === column.stage.id}
                onMore={() => {
                  const cursor = extra[column.stage.id]?.cursor ?? column.nextCursor;
                  if (cursor) more.mutate({ stageId: column.stage.id, cursor });
                }}
                onOpen={(id) => setParam('deal', id)}
                pendingId={move.isPending ? (move.variables?.deal.id ?? null) : null}
              />
            ))}
          </Group>
        </ScrollArea>
      </DndContext>
      <LostReasonModal
        key={lostMove?.deal.id ?? 'none'}
        opened={lostMove !== null}
        onCancel={() => setLostMove(null)}
        onConfirm={(reason) => {
          if (lostMove) move.mutate({ ...lostMove, lostReason: reason });
          setLostMove(null);
        }}
      />
      {creating && pipelineId && (
        <DealCreateModal
          pipelineId={pipelineId}
          onClose={() => setCreating(false)}
          onCreated={(id) => setParam('deal', id)}
        />
      )}
      {openDeal && <DealDrawer dealId={openDeal} onClose={() => setParam('deal', null)} />}
    </>
  );
}
