import { useDroppable } from '@dnd-kit/core';
import { Badge, Button, Group, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../format/use-formatters.ts';
import type { BoardColumn, DealCard } from '../../queries/deals-types.ts';
import { DealCardView } from './DealCardView.tsx';
import { localName } from './deal-format.ts';

/** One stage of the board: its totals and cards; the whole column is a drop target. */
export function BoardColumnView({
  column,
  extra,
  onMore,
  loadingMore,
  onOpen,
  pendingId,
}: {
  column: BoardColumn;
  extra: DealCard[];
  onMore: () => void;
  loadingMore: boolean;
  onOpen: (dealId: string) => void;
  pendingId: string | null;
}) {
  const { t, i18n } = useTranslation('deals');
  const fmt = useFormatters();
  const { stage } = column;
  const drop = useDroppable({ id: `stage:${stage.id}`, data: { stageId: stage.id } });
  const cards = [...column.deals, ...extra];
  const closed = stage.kind !== 'open';
  return (
    <Paper
      ref={drop.setNodeRef}
      withBorder
      radius="md"
      p="sm"
      miw={240}
      w={240}
      bg={drop.isOver ? 'var(--mantine-color-blue-light)' : closed ? 'var(--mantine-color-gray-0)' : undefined}
      data-testid="board-column"
      data-stage-id={stage.id}
      style={{ display: 'flex', flexDirection: 'column', maxHeight: '72vh' }}
    >
      <Group justify="space-between" gap={4} wrap="nowrap">
        <Text fw={600} size="sm" lineClamp={1}>
          {localName(stage, i18n.language)}
        </Text>
        <Badge variant="light" color={stage.kind === 'won' ? 'teal' : stage.kind === 'lost' ? 'gray' : 'blue'}>
          {t('board.probability', { value: stage.probability })}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed" data-testid="column-count">
        {t('board.deals', { count: column.count })}
      </Text>
      {column.totals.map((total) => (
        <Text size="xs" key={total.currency}>
          {fmt.money(total.valueSatang, total.currency)} ·{' '}
          {t('board.weighted', { value: fmt.money(total.weightedSatang, total.currency) })}
        </Text>
      ))}
      <ScrollArea.Autosize mah="60vh" mt="xs" type="auto" offsetScrollbars>
        <Stack gap="xs" mih={80}>
          {cards.map((deal) => (
            <DealCardView key={deal.id} deal={deal} dragging={pendingId === deal.id} onOpen={() => onOpen(deal.id)} />
          ))}
          {cards.length === 0 && (
            <Text size="xs" c="dimmed" ta="center" py="md">
              {closed ? t('board.closedStage') : t('board.empty')}
            </Text>
          )}
          {cards.length < column.count && (
            <Button variant="subtle" size="xs" onClick={onMore} loading={loadingMore}>
              {t('board.more')}
            </Button>
          )}
        </Stack>
      </ScrollArea.Autosize>
    </Paper>
  );
}
