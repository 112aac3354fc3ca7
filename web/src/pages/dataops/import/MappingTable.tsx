import { Select, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportKind, ImportPreview } from '../../../queries/dataops-types.ts';
import { IMPORT_FIELDS, isImportField, isOrderImportField } from './import-fields.ts';
import { previewCell } from './preview-cell.ts';

/**
 * One row per file column: its header, a sample value (a phone the way the preview and the
 * lists show it once the column goes to the phone field) and the customer field it fills.
 */
export function MappingTable({
  preview,
  mapping,
  onChange,
  kind = 'customers',
}: {
  preview: ImportPreview;
  mapping: Record<string, string>;
  onChange: (header: string, field: string) => void;
  kind?: ImportKind;
}) {
  const { t } = useTranslation('dataops');
  const fieldLabel = (field: string) =>
    kind === 'orders'
      ? isOrderImportField(field)
        ? t(`orderFields.${field}`)
        : field
      : isImportField(field)
        ? t(`fields.${field}`)
        : field;
  const known = preview.fields.length ? preview.fields : [...IMPORT_FIELDS];
  const used = new Set(Object.values(mapping).filter(Boolean));
  const sample = preview.rows.find((row) => row.outcome !== 'reject') ?? preview.rows[0];

  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs" data-testid="import-mapping">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('import.mapping.column')}</Table.Th>
            <Table.Th>{t('import.mapping.sample')}</Table.Th>
            <Table.Th w={260}>{t(kind === 'orders' ? 'import.orders.field' : 'import.mapping.field')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.headers.map((header) => {
            const current = mapping[header] ?? '';
            const options = [...new Set([...known, ...(current ? [current] : [])])];
            return (
              <Table.Tr key={header} data-column={header}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {header}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" lineClamp={1}>
                    {previewCell(sample?.values[header] ?? '', current || undefined)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    aria-label={t(kind === 'orders' ? 'import.orders.fieldFor' : 'import.mapping.fieldFor', {
                      column: header,
                    })}
                    value={current}
                    onChange={(value) => onChange(header, value ?? '')}
                    allowDeselect={false}
                    searchable
                    data={[
                      { value: '', label: t('import.mapping.skipColumn') },
                      ...options.map((field) => ({
                        value: field,
                        label: fieldLabel(field),
                        disabled: field !== current && used.has(field),
                      })),
                    ]}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
