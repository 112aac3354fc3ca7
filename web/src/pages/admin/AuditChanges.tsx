import { Code, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../api/types.ts';

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function ChangeValue({ value, color }: { value: unknown; color: string }) {
  if (value === null || value === undefined) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <Text size="sm" c={color} style={{ wordBreak: 'break-word' }}>
      {show(value)}
    </Text>
  );
}

/** The detail under an expanded audit row: what changed, and where the request came from. */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const fields = Object.entries(entry.changes ?? {});
  return (
    <Stack gap="sm" py="xs" data-testid="audit-changes">
      {fields.length > 0 ? (
        <Table withTableBorder withColumnBorders verticalSpacing={6} bg="white">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="25%">{t('audit.changes.field')}</Table.Th>
              <Table.Th>{t('audit.changes.before')}</Table.Th>
              <Table.Th>{t('audit.changes.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map(([field, change]) => (
              <Table.Tr key={field}>
                <Table.Td>
                  <Code>{field}</Code>
                </Table.Td>
                <Table.Td>
                  <ChangeValue value={change.before} color="red.8" />
                </Table.Td>
                <Table.Td>
                  <ChangeValue value={change.after} color="teal.8" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm" c="dimmed">
          {t('audit.changes.none')}
        </Text>
      )}
      <Group gap="lg">
        <Text size="xs" c="dimmed">
          {t('audit.changes.entityId')}: <Code>{entry.entityId ?? '—'}</Code>
        </Text>
        <Text size="xs" c="dimmed">
          {t('audit.changes.requestId')}: <Code>{entry.requestId ?? '—'}</Code>
        </Text>
        <Text size="xs" c="dimmed">
          {t('audit.changes.ip')}: <Code>{entry.ip ?? '—'}</Code>
        </Text>
      </Group>
    </Stack>
  );
}
