import { ActionIcon, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { importsKey, useMappingTemplatesQuery } from '../../../queries/dataops.ts';
import { importsApi } from '../../../queries/dataops-api.ts';
import type { ImportKind, MappingTemplate, OnMatch } from '../../../queries/dataops-types.ts';

/** Load a saved column mapping, or save the current one under a name. */
export function MappingTemplates({
  mapping,
  onMatch,
  onLoad,
  kind = 'customers',
  options,
}: {
  mapping: Record<string, string>;
  onMatch: OnMatch;
  onLoad: (template: MappingTemplate) => void;
  kind?: ImportKind;
  /** Saved with the mapping instead of onMatch (orders imports). */
  options?: Record<string, unknown>;
}) {
  const { t } = useTranslation('dataops');
  const queryClient = useQueryClient();
  const templates = useMappingTemplatesQuery(kind);
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');
  const [loadedId, setLoadedId] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (template: MappingTemplate) => importsApi.deleteMapping(template.id),
    onSuccess: (_, template) => {
      void queryClient.invalidateQueries({ queryKey: [...importsKey, 'mappings'] });
      notifications.show({ color: 'teal', message: t('import.templates.deleted', { name: template.name }) });
      setLoadedId(null);
    },
  });
  const save = useMutation({
    mutationFn: () => importsApi.saveMapping(name.trim(), mapping, options ?? { onMatch }, kind),
    onSuccess: (template) => {
      void queryClient.invalidateQueries({ queryKey: [...importsKey, 'mappings'] });
      notifications.show({ color: 'teal', message: t('import.templates.saved', { name: template.name }) });
      setSaving(false);
      setName('');
    },
  });
  const items = templates.data?.items ?? [];

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <ProblemAlert error={remove.error} />
      <Select
        size="xs"
        w={240}
        label={t('import.templates.load')}
        placeholder={items.length ? t('import.templates.choose') : t('import.templates.none')}
        disabled={items.length === 0}
        data={items.map((template) => ({ value: template.id, label: template.name }))}
        value={loadedId}
        onChange={(value) => {
          const template = items.find((one) => one.id === value);
          setLoadedId(template?.id ?? null);
          if (template) onLoad(template);
        }}
        data-testid="import-template-load"
      />
      {loadedId && (
        <ActionIcon
          variant="subtle"
          color="red"
          mb={2}
          loading={remove.isPending}
          aria-label={t('import.templates.delete')}
          title={t('import.templates.delete')}
          onClick={() => {
            const template = items.find((one) => one.id === loadedId);
            if (template) remove.mutate(template);
          }}
        >
          <IconTrash size={16} />
        </ActionIcon>
      )}
      <Button
        size="xs"
        variant="default"
        leftSection={<IconDeviceFloppy size={14} />}
        onClick={() => {
          save.reset();
          setSaving(true);
        }}
      >
        {t('import.templates.save')}
      </Button>
      <Modal opened={saving} onClose={() => setSaving(false)} title={t('import.templates.saveTitle')}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (name.trim()) save.mutate();
          }}
        >
          <Stack>
            <TextInput
              label={t('import.templates.name')}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              maxLength={100}
              required
              data-autofocus
            />
            <ProblemAlert error={save.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setSaving(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending} disabled={!name.trim()}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Group>
  );
}
