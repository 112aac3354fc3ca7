import { Center, Loader, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The one row a table shows while it loads, when loading failed, or when it has nothing. */
export function TableState({
  columns,
  loading,
  failed = false,
  empty,
}: {
  columns: number;
  loading: boolean;
  failed?: boolean;
  empty?: string;
}) {
  const { t } = useTranslation();
  let content = <Text c="dimmed">{empty ?? t('common.noData')}</Text>;
  if (loading) content = <Loader size="sm" />;
  else if (failed) content = <Text c="dimmed">{t('common.loadFailed')}</Text>;
  return (
    <Table.Tr>
      <Table.Td colSpan={columns}>
        <Center py="xl">{content}</Center>
      </Table.Td>
    </Table.Tr>
  );
}
