import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { usersApi } from '../../api/endpoints.ts';
import { useSession } from '../../auth/session-context.ts';
import { actionLabel, entityTypeLabel, KNOWN_ACTIONS, KNOWN_ENTITY_TYPES } from './audit-labels.ts';

export interface AuditFilterValues {
  entityType: string | null;
  action: string | null;
  actorId: string | null;
  fromDay: string;
  toDay: string;
}

export const emptyAuditFilters: AuditFilterValues = {
  entityType: null,
  action: null,
  actorId: null,
  fromDay: '',
  toDay: '',
};

export function AuditFilters({
  value,
  onChange,
}: {
  value: AuditFilterValues;
  onChange: (next: AuditFilterValues) => void;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  const users = useQuery({
    queryKey: ['users', { limit: 100, purpose: 'audit-actor-filter' }],
    queryFn: () => usersApi.list({ limit: 100 }),
    enabled: can('users', 'read'),
  });
  const set = (patch: Partial<AuditFilterValues>) => onChange({ ...value, ...patch });
  const isFiltered = JSON.stringify(value) !== JSON.stringify(emptyAuditFilters);

  return (
    <Group align="flex-end" gap="sm" mb="md" wrap="wrap" data-testid="audit-filters">
      <Select
        label={t('audit.filters.entityType')}
        placeholder={t('audit.filters.any')}
        data={KNOWN_ENTITY_TYPES.map((type) => ({ value: type, label: entityTypeLabel(t, type) }))}
        value={value.entityType}
        onChange={(entityType) => set({ entityType })}
        clearable
        w={150}
      />
      <Select
        label={t('audit.filters.action')}
        placeholder={t('audit.filters.any')}
        data={KNOWN_ACTIONS.map((action) => ({ value: action, label: actionLabel(t, action) }))}
        value={value.action}
        onChange={(action) => set({ action })}
        clearable
        w={170}
      />
      <Select
        label={t('audit.filters.actor')}
        placeholder={t('audit.filters.any')}
        data={(users.data?.items ?? []).map((user) => ({ value: user.id, label: user.name }))}
        value={value.actorId}
        onChange={(actorId) => set({ actorId })}
        disabled={!can('users', 'read')}
        searchable
        clearable
        nothingFoundMessage={t('common.noData')}
        w={180}
      />
      <TextInput
        type="date"
        label={t('audit.filters.from')}
        value={value.fromDay}
        max={value.toDay || undefined}
        onChange={(e) => set({ fromDay: e.currentTarget.value })}
        w={150}
      />
      <TextInput
        type="date"
        label={t('audit.filters.to')}
        value={value.toDay}
        min={value.fromDay || undefined}
        onChange={(e) => set({ toDay: e.currentTarget.value })}
        w={150}
      />
      <Button
        variant="subtle"
        leftSection={<IconFilterOff size={16} />}
        disabled={!isFiltered}
        onClick={() => onChange(emptyAuditFilters)}
      >
        {t('audit.filters.clear')}
      </Button>
    </Group>
  );
}
