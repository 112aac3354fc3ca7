import { Badge, Button, Checkbox, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconBookmark,
  IconBookmarkPlus,
  IconChevronDown,
  IconDeviceFloppy,
  IconPencil,
  IconTrash,
  IconUsers,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import type { CustomerSort } from '../../queries/customers-types.ts';
import { useDeleteView, useSavedViews, useSaveView } from '../../queries/lists.ts';
import type { ListQuery, SavedView } from '../../queries/lists-api.ts';

type Dialog = { kind: 'save' } | { kind: 'rename'; view: SavedView } | { kind: 'delete'; view: SavedView } | null;

/**
 * Saved views of the list: pick one, save the current filters, sort and columns as a new
 * view, update, rename or delete the open one. Views shared by the team are marked.
 */
export function ViewsMenu({
  current,
  activeId,
  onPick,
  onSaved,
  onDeleted,
}: {
  current: { filters: ListQuery; sort: CustomerSort; columns: string[] };
  activeId: string | null;
  onPick: (view: SavedView) => void;
  onSaved: (view: SavedView) => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation('lists');
  const views = useSavedViews();
  const save = useSaveView();
  const remove = useDeleteView();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const items = views.data?.items ?? [];
  const active = items.find((v) => v.id === activeId) ?? null;

  const open = (next: Dialog) => {
    save.reset();
    remove.reset();
    setName(next?.kind === 'rename' ? next.view.name : '');
    setShared(next?.kind === 'rename' ? next.view.shared : false);
    setDialog(next);
  };
  const submit = async () => {
    if (!dialog || dialog.kind === 'delete') return;
    const view =
      dialog.kind === 'save'
        ? await save.mutateAsync({ input: { name, shared, ...current } })
        : await save.mutateAsync({ id: dialog.view.id, input: { name, shared } });
    notifications.show({ color: 'teal', message: t('views.saved', { name: view.name }) });
    setDialog(null);
    onSaved(view);
  };
  const update = async (view: SavedView) => {
    try {
      const saved = await save.mutateAsync({ id: view.id, input: current });
      notifications.show({ color: 'teal', message: t('views.updated', { name: saved.name }) });
      onSaved(saved);
    } catch (error) {
      notifications.show({ color: 'red', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <>
      <Menu position="bottom-start" withinPortal width={280}>
        <Menu.Target>
          <Button
            variant={active ? 'light' : 'default'}
            leftSection={<IconBookmark size={16} />}
            rightSection={<IconChevronDown size={14} />}
            data-testid="views-menu"
          >
            {active ? active.name : t('views.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown data-testid="views-dropdown">
          <Menu.Label>{t('views.title')}</Menu.Label>
          {items.length === 0 && (
            <Text size="sm" c="dimmed" px="sm" py={4}>
              {t('views.none')}
            </Text>
          )}
          {items.map((view) => (
            <Menu.Item
              key={view.id}
              onClick={() => onPick(view)}
              rightSection={
                view.shared ? (
                  <Badge size="xs" variant="light" leftSection={<IconUsers size={10} />}>
                    {view.mine ? t('views.sharedByMe') : t('views.team')}
                  </Badge>
                ) : null
              }
              fw={view.id === activeId ? 700 : undefined}
              data-testid="view-item"
            >
              {view.name}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item
            leftSection={<IconBookmarkPlus size={16} />}
            onClick={() => open({ kind: 'save' })}
            data-testid="view-save-new"
          >
            {t('views.saveNew')}
          </Menu.Item>
          {active?.editable && (
            <>
              <Menu.Item
                leftSection={<IconDeviceFloppy size={16} />}
                onClick={() => void update(active)}
                data-testid="view-update"
              >
                {t('views.update', { name: active.name })}
              </Menu.Item>
              <Menu.Item
                leftSection={<IconPencil size={16} />}
                onClick={() => open({ kind: 'rename', view: active })}
                data-testid="view-rename"
              >
                {t('views.rename')}
              </Menu.Item>
              <Menu.Item
                color="red"
                leftSection={<IconTrash size={16} />}
                onClick={() => open({ kind: 'delete', view: active })}
                data-testid="view-delete"
              >
                {t('views.delete')}
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      <Modal
        opened={dialog !== null && dialog.kind !== 'delete'}
        onClose={() => setDialog(null)}
        title={dialog?.kind === 'rename' ? t('views.rename') : t('views.saveNew')}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit().catch(() => undefined);
          }}
          data-testid="view-form"
        >
          <Stack>
            <TextInput
              label={t('views.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              maxLength={80}
              required
              data-autofocus
              name="viewName"
            />
            <Checkbox
              label={t('views.shareWithTeam')}
              checked={shared}
              onChange={(e) => setShared(e.currentTarget.checked)}
              name="viewShared"
            />
            <ProblemAlert error={save.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDialog(null)}>
                {t('views.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending} disabled={!name.trim()} data-testid="view-form-save">
                {t('views.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <Modal opened={dialog?.kind === 'delete'} onClose={() => setDialog(null)} title={t('views.delete')}>
        <Stack>
          <Text size="sm">{dialog?.kind === 'delete' ? t('views.deleteConfirm', { name: dialog.view.name }) : ''}</Text>
          <ProblemAlert error={remove.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t('views.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              data-testid="view-delete-confirm"
              onClick={async () => {
                if (dialog?.kind !== 'delete') return;
                try {
                  await remove.mutateAsync(dialog.view.id);
                  setDialog(null);
                  onDeleted();
                } catch {
                  // shown in the dialog
                }
              }}
            >
              {t('views.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
