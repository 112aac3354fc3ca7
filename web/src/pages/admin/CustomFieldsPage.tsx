import { Badge, Button, Group, Paper, Switch, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session-context.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TableState } from '../../components/TableState.tsx';
import { customerKeys, useLabel } from '../../queries/customers.ts';
import { customFieldApi } from '../../queries/customers-api.ts';
import type { CustomFieldDefinition } from '../../queries/customers-types.ts';
import { CustomFieldModal } from './CustomFieldModal.tsx';

/** Admins define extra profile fields here; everyone else sees the list. */
export function CustomFieldsPage() {
  const { t } = useTranslation('profile');
  const { t: tc } = useTranslation();
  const { can } = useSession();
  const label = useLabel();
  const queryClient = useQueryClient();
  const editable = can('settings', 'update');
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<CustomFieldDefinition | 'new' | null>(null);
  const fields = useQuery({
    queryKey: [...customerKeys.customFields, 'admin', showArchived],
    queryFn: () => customFieldApi.list(showArchived),
  });
  const archive = useMutation({
    mutationFn: (field: CustomFieldDefinition) => customFieldApi.archive(field.id, !field.archivedAt),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: customerKeys.customFields }),
  });
  const items = fields.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t('customFields.title')}
        description={t('customFields.subtitle')}
        actions={
          editable && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              {t('customFields.add')}
            </Button>
          )
        }
      />
      <Paper withBorder radius="md" p="md">
        <Switch
          label={t('customFields.showArchived')}
          checked={showArchived}
          onChange={(e) => setShowArchived(e.currentTarget.checked)}
          mb="md"
        />
        <ProblemAlert error={fields.error ?? archive.error} />
        <Table.ScrollContainer minWidth={760}>
          <Table striped verticalSpacing="sm" data-testid="custom-fields-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('customFields.position')}</Table.Th>
                <Table.Th>{t('customFields.labelTh')}</Table.Th>
                <Table.Th>{t('customFields.key')}</Table.Th>
                <Table.Th>{t('customFields.type')}</Table.Th>
                <Table.Th>{t('customFields.appliesTo')}</Table.Th>
                <Table.Th>{t('customFields.options')}</Table.Th>
                {editable && <Table.Th>{tc('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.length === 0 && (
                <TableState
                  columns={editable ? 7 : 6}
                  loading={fields.isFetching}
                  failed={fields.isError}
                  empty={t('customFields.empty')}
                />
              )}
              {items.map((field) => (
                <Table.Tr key={field.id} style={field.archivedAt ? { opacity: 0.6 } : undefined}>
                  <Table.Td>{field.position}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {label(field)}
                      {field.required && (
                        <Text span c="red">
                          {' '}
                          *
                        </Text>
                      )}
                    </Text>
                    {field.archivedAt && (
                      <Badge size="xs" color="gray" variant="light">
                        {t('customFields.archived')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {field.key}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(`customFields.types.${field.type}` as 'customFields.types.text')}</Table.Td>
                  <Table.Td>
                    {t(`customFields.appliesToValues.${field.appliesTo}` as 'customFields.appliesToValues.all')}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {field.options.map((o) => label(o)).join(', ') || '—'}
                    </Text>
                  </Table.Td>
                  {editable && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button size="xs" variant="subtle" onClick={() => setEditing(field)}>
                          {tc('common.edit')}
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color={field.archivedAt ? 'teal' : 'gray'}
                          loading={archive.isPending && archive.variables?.id === field.id}
                          onClick={() => archive.mutate(field)}
                        >
                          {field.archivedAt ? t('customFields.unarchive') : t('customFields.archive')}
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {editing && <CustomFieldModal field={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
