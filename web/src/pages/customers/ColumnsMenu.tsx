import { Button, Checkbox, Menu, Stack } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LIST_COLUMNS, type ListColumn } from './list-columns.ts';

/** Which columns the list shows (kept in a saved view); the name column always stays. */
export function ColumnsMenu({ value, onChange }: { value: ListColumn[]; onChange: (next: ListColumn[]) => void }) {
  const { t } = useTranslation('lists');
  return (
    <Menu position="bottom-end" withinPortal closeOnItemClick={false}>
      <Menu.Target>
        <Button variant="default" leftSection={<IconColumns size={16} />} data-testid="columns-menu">
          {t('columns.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Stack gap={6} p="xs">
          {LIST_COLUMNS.map((column) => (
            <Checkbox
              key={column}
              label={t(`columns.${column}`)}
              checked={value.includes(column)}
              disabled={column === 'name'}
              onChange={(e) =>
                onChange(
                  e.currentTarget.checked
                    ? LIST_COLUMNS.filter((c) => c === column || value.includes(c))
                    : value.filter((c) => c !== column),
                )
              }
            />
          ))}
        </Stack>
      </Menu.Dropdown>
    </Menu>
  );
}
