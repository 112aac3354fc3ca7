import { useDraggable, useDroppable } from '@dnd-kit/core';
import { Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../format/use-formatters.ts';
import type { DealCard } from '../../queries/deals-types.ts';
import { formatDuration } from './deal-format.ts';

/** A deal on the board: draggable, and a drop target (dropping on it puts a deal above it). */
export function DealCardView({ deal, onOpen, dragging }: { deal: DealCard; onOpen: () => void; dragging?: boolean }) {
  const { t } = useTranslation('deals');
  const fmt = useFormatters();
  const drag = useDraggable({ id: `deal:${deal.id}`, data: { deal } });
  const drop = useDroppable({ id: `card:${deal.id}`, data: { stageId: deal.stageId, dealId: deal.id } });
  const seconds = Math.max(0, (Date.now() - new Date(deal.stageEnteredAt).getTime()) / 1000);
  const style = drag.transform
    ? {
        transform: `translate3d(${drag.transform.x}px, ${drag.transform.y}px, 0)`,
        zIndex: 10,
        position: 'relative' as const,
      }
    : undefined;
  return (
    <div ref={drop.setNodeRef}>
      <Paper
        ref={drag.setNodeRef}
        {...drag.listeners}
        {...drag.attributes}
        withBorder
        p="xs"
        radius="sm"
        shadow={drag.isDragging ? 'md' : undefined}
        style={{
          ...style,
          cursor: 'grab',
          opacity: dragging ? 0.6 : 1,
          borderTop: drop.isOver && !drag.isDragging ? '3px solid var(--mantine-color-blue-5)' : undefined,
          touchAction: 'none',
        }}
        onClick={onOpen}
        data-testid="deal-card"
        data-deal-id={deal.id}
      >
        <Text size="sm" fw={600} lineClamp={2}>
          {deal.title || t('deal.untitled')}
        </Text>
        <Text size="xs" c="dimmed" lineClamp={1}>
          {deal.customerName}
        </Text>
        <Group justify="space-between" mt={4} gap={4}>
          <Text size="sm">{fmt.money(deal.valueSatang, deal.currency)}</Text>
          <Text size="xs" c="dimmed" title={t('deal.timeInStage')}>
            {formatDuration(seconds, t)}
          </Text>
        </Group>
        {(deal.ownerName || deal.expectedCloseOn) && (
          <Group justify="space-between" gap={4}>
            <Text size="xs" c="dimmed" lineClamp={1}>
              {deal.ownerName ?? ''}
            </Text>
            {deal.expectedCloseOn && (
              <Text size="xs" c="dimmed">
                {fmt.date(deal.expectedCloseOn)}
              </Text>
            )}
          </Group>
        )}
      </Paper>
    </div>
  );
}
