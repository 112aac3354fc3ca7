import { Button, Group, Menu, Paper, Popover, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconTag, IconTagOff, IconUserShare, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../api/client.ts';
import { useSession } from '../../auth/session-context.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useUserOptions } from '../../queries/customers.ts';
import type { CustomerProfile } from '../../queries/customers-types.ts';
import { exportUrl } from '../../queries/dataops-api.ts';
import { useBulkChange } from '../../queries/lists.ts';
import type { BulkAction, BulkTarget, ListQuery } from '../../queries/lists-api.ts';

/** A tag to add or remove: a small form in a popover. */
function TagAction({
  action,
  disabled,
  onRun,
}: {
  action: 'add_tag' | 'remove_tag';
  disabled: boolean;
  onRun: (tag: string) => Promise<boolean>;
}) {
  const { t } = useTranslation('lists');
  const [opened, setOpened] = useState(false);
  const [tag, setTag] = useState('');
  const add = action === 'add_tag';
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" withArrow trapFocus>
      <Popover.Target>
        <Button
          size="xs"
          variant="light"
          leftSection={add ? <IconTag size={14} /> : <IconTagOff size={14} />}
          onClick={() => setOpened((o) => !o)}
          disabled={disabled}
          data-testid={add ? 'bulk-add-tag' : 'bulk-remove-tag'}
        >
          {add ? t('bulk.addTag') : t('bulk.removeTag')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            if (tag.trim() && (await onRun(tag.trim()))) {
              setTag('');
              setOpened(false);
            }
          }}
        >
          <Stack gap="xs">
            <TextInput
              label={t('bulk.tag')}
              value={tag}
              onChange={(e) => setTag(e.currentTarget.value)}
              maxLength={50}
              data-testid="bulk-tag-input"
              data-autofocus
            />
            <Button type="submit" size="xs" disabled={!tag.trim()} data-testid="bulk-tag-apply">
              {add ? t('bulk.addTagApply') : t('bulk.removeTagApply')}
            </Button>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}

/**
 * What can be done with the selected customers (picked rows, or every match of the filter):
 * add or remove a tag, assign an owner, export. The server changes only those the user may.
 */
export function BulkBar({
  count,
  target,
  pickedRows,
  exportQuery,
  onClear,
}: {
  count: number | null;
  target: BulkTarget;
  pickedRows: CustomerProfile[];
  exportQuery: ListQuery;
  onClear: () => void;
}) {
  const { t, i18n } = useTranslation('lists');
  const { can, scopeOf, user } = useSession();
  const users = useUserOptions();
  const change = useBulkChange();
  const [owner, setOwner] = useState<string | null>(null);
  const scope = scopeOf('customers');
  const ownerOptions = [
    { value: user.id, label: t('bulk.toMe') },
    ...(scope === 'all' ? [{ value: 'none', label: t('bulk.noOwner') }] : []),
    ...(scope === 'own' ? [] : users.options.filter((o) => o.value !== user.id)),
  ];

  const run = async (action: BulkAction, extra: { tag?: string; ownerId?: string | null }): Promise<boolean> => {
    try {
      const result = await change.mutateAsync({ ...target, action, ...extra });
      notifications.show({
        color: result.skipped ? 'yellow' : 'teal',
        message: t('bulk.result', { changed: result.changed, unchanged: result.unchanged, skipped: result.skipped }),
      });
      return true;
    } catch {
      return false;
    }
  };

  const [exportError, setExportError] = useState<Error | null>(null);
  const exportPicked = async (format: 'csv' | 'xlsx') => {
    setExportError(null);
    try {
      const ids = pickedRows.map((c) => c.id);
      await downloadFile(
        `/api/v1/customers/export.${format}`,
        { ids, lang: i18n.language === 'en' ? 'en' : 'th' },
        `customers.${format}`,
      );
    } catch (err) {
      setExportError(err as Error);
    }
  };
  const isFilter = 'filter' in target;
  const canUpdate = can('customers', 'update');

  return (
    <Paper withBorder radius="md" p="xs" mb="sm" bg="var(--mantine-primary-color-light)" data-testid="bulk-bar">
      <Group gap="sm" wrap="wrap">
        <Text size="sm" fw={600} data-testid="bulk-count">
          {count === null ? t('bulk.selectedAll') : t('bulk.selected', { count })}
        </Text>
        {canUpdate && (
          <>
            <TagAction action="add_tag" disabled={change.isPending} onRun={(tag) => run('add_tag', { tag })} />
            <TagAction action="remove_tag" disabled={change.isPending} onRun={(tag) => run('remove_tag', { tag })} />
            <Group gap={4} wrap="nowrap">
              <Select
                size="xs"
                aria-label={t('bulk.owner')}
                placeholder={t('bulk.owner')}
                data={ownerOptions}
                value={owner}
                onChange={setOwner}
                searchable
                w={190}
                data-testid="bulk-owner"
              />
              <Button
                size="xs"
                variant="light"
                leftSection={<IconUserShare size={14} />}
                disabled={!owner || change.isPending}
                loading={change.isPending && change.variables?.action === 'assign_owner'}
                onClick={() => owner && run('assign_owner', { ownerId: owner === 'none' ? null : owner })}
                data-testid="bulk-assign"
              >
                {t('bulk.assign')}
              </Button>
            </Group>
          </>
        )}
        {can('customers', 'export') && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button size="xs" variant="default" leftSection={<IconDownload size={14} />} data-testid="bulk-export">
                {t('bulk.export')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {isFilter ? (
                <>
                  <Menu.Item component="a" href={exportUrl('csv', exportQuery)} download>
                    CSV
                  </Menu.Item>
                  <Menu.Item component="a" href={exportUrl('xlsx', exportQuery)} download>
                    Excel (XLSX)
                  </Menu.Item>
                </>
              ) : (
                <>
                  <Menu.Item onClick={() => void exportPicked('csv')} data-testid="bulk-export-csv">
                    CSV
                  </Menu.Item>
                  <Menu.Item onClick={() => void exportPicked('xlsx')} data-testid="bulk-export-xlsx">
                    Excel (XLSX)
                  </Menu.Item>
                </>
              )}
            </Menu.Dropdown>
          </Menu>
        )}
        <Button size="xs" variant="subtle" color="gray" leftSection={<IconX size={14} />} onClick={onClear}>
          {t('bulk.clear')}
        </Button>
      </Group>
      <ProblemAlert error={change.error} />
      <ProblemAlert error={exportError} />
    </Paper>
  );
}
