import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { languagePart } from '../../../format/language-part.ts';
import type { ImportKind, ImportPreview, PreviewOutcome } from '../../../queries/dataops-types.ts';
import { previewCell } from './preview-cell.ts';

export const OUTCOME_COLOR: Record<PreviewOutcome, string> = {
  create: 'teal',
  update: 'blue',
  skip: 'gray',
  reject: 'red',
};

const ORDER_PREVIEW_ORDER = ['orderId', 'orderedAt', 'amount', 'phone', 'email', 'customerExternalId', 'productName'];

/**
 * The first rows of the file as the import would treat them, with the reason for each rejection
 * in the reader's language, and phone numbers the way the lists show them.
 */
export function PreviewRows({
  preview,
  mapping,
  kind = 'customers',
}: {
  preview: ImportPreview;
  mapping: Record<string, string>;
  kind?: ImportKind;
}) {
  const { t, i18n } = useTranslation('dataops');
  const mapped = preview.headers.filter((header) => mapping[header]);
  // An orders preview shows the order's own columns first (number, date, amount), then the customer.
  const rank = (header: string) => {
    const at = ORDER_PREVIEW_ORDER.indexOf(mapping[header] ?? '');
    return at === -1 ? ORDER_PREVIEW_ORDER.length : at;
  };
  const columns = (kind === 'orders' ? [...mapped].sort((a, b) => rank(a) - rank(b)) : mapped).slice(0, 6);

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing="xs" data-testid="import-preview-rows">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>{t('import.preview.line')}</Table.Th>
            <Table.Th w={220}>{t('import.preview.outcome')}</Table.Th>
            {columns.map((header) => (
              <Table.Th key={header}>{header}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.rows.map((row) => (
            <Table.Tr key={row.line} data-outcome={row.outcome}>
              <Table.Td>{row.line}</Table.Td>
              <Table.Td>
                <Badge color={OUTCOME_COLOR[row.outcome]} variant="light" tt="none">
                  {t(kind === 'orders' ? `import.orders.outcome.${row.outcome}` : `import.outcome.${row.outcome}`)}
                </Badge>
                {row.reason && (
                  <Text size="xs" c={row.outcome === 'reject' ? 'red' : 'dimmed'} mt={4}>
                    {languagePart(row.reason, i18n.language)}
                  </Text>
                )}
                {!row.reason && row.matchedBy && (
                  <Text size="xs" c="dimmed" mt={4}>
                    {t('import.preview.matchedBy', { rule: row.matchedBy })}
                  </Text>
                )}
              </Table.Td>
              {columns.map((header) => (
                <Table.Td key={header}>
                  <Text size="sm" lineClamp={1}>
                    {previewCell(row.values[header] ?? '', mapping[header])}
                  </Text>
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
