import { Center, Loader, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The one row a table shows while it loads or when it has nothing. */
export function TableState({ columns, loading, empty }: { columns: number; loading: boolean; empty?: string }) {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Td colSpan={columns}>
        <Center py="xl">{loading ? <Loader size="sm" /> : <Text c="dimmed">{empty ?? t('common.noData')}</Text>}</Center>
      </Table.Td>
    </Table.Tr>
  );
}
