import { ActionIcon, Badge, Stack, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../api/types.ts';
import type { Formatters } from '../../format/use-formatters.ts';
import { AuditChanges } from './AuditChanges.tsx';
import { actionColor, actionLabel, actorTypeLabel, entityTypeLabel, sourceLabel } from './audit-labels.ts';

export const AUDIT_COLUMNS = 6;

export function AuditEntryRow({
  entry,
  expanded,
  onToggle,
  format,
}: {
  entry: AuditEntry;
  expanded: boolean;
  onToggle: () => void;
  format: Formatters;
}) {
  const { t } = useTranslation();
  const changedFields = Object.keys(entry.changes ?? {}).length;
  return (
    <>
      <Table.Tr onClick={onToggle} style={{ cursor: 'pointer' }} data-testid="audit-row">
        <Table.Td w={40}>
          <ActionIcon
            variant="subtle"
            size="sm"
            aria-expanded={expanded}
            aria-label={expanded ? t('audit.collapse') : t('audit.expand')}
          >
            {expanded ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
          </ActionIcon>
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          <Text size="sm">{format.dateTime(entry.at)}</Text>
        </Table.Td>
        <Table.Td>
          <Stack gap={0}>
            <Text size="sm">{entry.actorLabel ?? actorTypeLabel(t, entry.actorType)}</Text>
            <Text size="xs" c="dimmed">
              {actorTypeLabel(t, entry.actorType)} · {sourceLabel(t, entry.source)}
            </Text>
          </Stack>
        </Table.Td>
        <Table.Td>
          <Badge variant="light" color={actionColor(entry.action)}>
            {actionLabel(t, entry.action)}
          </Badge>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{entityTypeLabel(t, entry.entityType)}</Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm" c="dimmed">
            {changedFields > 0 ? t('audit.fieldsChanged', { count: changedFields }) : '—'}
          </Text>
        </Table.Td>
      </Table.Tr>
      {expanded && (
        <Table.Tr bg="gray.0">
          <Table.Td />
          <Table.Td colSpan={AUDIT_COLUMNS - 1}>
            <AuditChanges entry={entry} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
