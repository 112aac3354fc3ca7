import { Button, Menu } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { QueryValue } from '../../api/client.ts';
import { useSession } from '../../auth/session-context.ts';
import { exportUrl } from '../../queries/dataops-api.ts';

/**
 * "Export" for the customer list: downloads every customer that matches the list's current
 * filters (not only the page shown) as CSV (UTF-8 with BOM, opens in Excel) or XLSX, with
 * column headers in the user's language. Shown only to roles that may export customers.
 *
 * `query` is the list's query as sent to GET /customers (q, tag, ownerId, sort, …); paging
 * parameters are ignored.
 */
export function ExportMenu({
  query,
  size = 'sm',
}: {
  query: Record<string, QueryValue | QueryValue[]>;
  size?: 'xs' | 'sm';
}) {
  const { t } = useTranslation('dataops');
  const { can } = useSession();
  if (!can('customers', 'export')) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size={size} leftSection={<IconDownload size={16} />} data-testid="export-menu">
          {t('export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('export.hint')}</Menu.Label>
        <Menu.Item
          component="a"
          href={exportUrl('csv', query)}
          download
          leftSection={<IconFileTypeCsv size={16} />}
          data-testid="export-csv"
        >
          {t('export.csv')}
        </Menu.Item>
        <Menu.Item
          component="a"
          href={exportUrl('xlsx', query)}
          download
          leftSection={<IconFileSpreadsheet size={16} />}
          data-testid="export-xlsx"
        >
          {t('export.xlsx')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
