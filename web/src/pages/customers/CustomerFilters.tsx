import { Button, Collapse, Group, Select, SimpleGrid, TagsInput, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session-context.ts';
import { useCustomFields, useLabel, useUserOptions } from '../../queries/customers.ts';
import { customerApi } from '../../queries/customers-api.ts';
import {
  CONSENT_CHANNELS,
  CUSTOMER_KINDS,
  CUSTOMER_TYPES,
  type CustomerListQuery,
  SOURCES,
} from '../../queries/customers-types.ts';
import { CHURN_RISKS, RFM_SEGMENTS, VALUE_GRADES } from '../analytics/scores-api.ts';

export type CustomerFilterValues = Omit<CustomerListQuery, 'q' | 'limit' | 'cursor' | 'sort'> & {
  consentPurpose?: string;
  consentChannel?: string;
  consentStatus?: string;
};

const RFM_SCORES = ['1', '2', '3', '4', '5'];

/** Filters that live under "More filters": a link that sets one (e.g. from the dashboard) opens that panel. */
const MORE_FILTERS = [
  'province',
  'source',
  'createdFrom',
  'createdTo',
  'consentPurpose',
  'consentChannel',
  'consentStatus',
  'valueGrade',
  'rfmSegment',
  'churnRisk',
  'rfmR',
  'rfmF',
  'customFields',
] as const;

export function hasFilters(filters: CustomerFilterValues): boolean {
  return Object.values(filters).some((v) =>
    Array.isArray(v) ? v.length > 0 : typeof v === 'object' ? Object.keys(v).length > 0 : Boolean(v),
  );
}

/** The API query of the filters: consent's three pickers become `consent=purpose:channel:status`. */
export function filterQuery(filters: CustomerFilterValues): Omit<CustomerListQuery, 'q' | 'limit' | 'cursor'> {
  const { consentPurpose, consentChannel, consentStatus, ...rest } = filters;
  const consent =
    consentPurpose && consentChannel && consentStatus
      ? `${consentPurpose}:${consentChannel}:${consentStatus}`
      : undefined;
  return { ...rest, consent };
}

function pick(values: CustomerFilterValues, keys: readonly (keyof CustomerFilterValues)[]): CustomerFilterValues {
  return Object.fromEntries(keys.map((k) => [k, values[k]]).filter(([, v]) => v !== undefined));
}

/** Tags, owner, type, province, source, date range, consent, value scores (grade, segment, R, F) and custom fields. */
export function CustomerFilters({
  value,
  onChange,
}: {
  value: CustomerFilterValues;
  onChange: (next: CustomerFilterValues) => void;
}) {
  const { t } = useTranslation('profile');
  const { t: ta } = useTranslation('analytics');
  const { scopeOf, can } = useSession();
  const [more, { toggle }] = useDisclosure(hasFilters(pick(value, MORE_FILTERS)));
  const users = useUserOptions();
  const label = useLabel();
  const definitions = useCustomFields();
  const purposes = useQuery({ queryKey: ['consent', 'purposes'], queryFn: customerApi.purposes, staleTime: 60_000 });
  const set = (patch: Partial<CustomerFilterValues>) => onChange({ ...value, ...patch });
  const filterable = (definitions.data?.items ?? []).filter((d) => !d.archivedAt);
  const ownerOptions = [
    { value: 'me', label: t('list.mine') },
    { value: 'none', label: t('profile.noOwner') },
    ...users.options,
  ];

  return (
    <>
      <Group gap="sm" align="flex-end" wrap="wrap" mb="sm">
        <TagsInput
          label={t('filter.tags')}
          value={value.tag ?? []}
          onChange={(tag) => set({ tag })}
          w={220}
          size="sm"
        />
        {scopeOf('customers') !== 'own' && (
          <Select
            label={t('filter.owner')}
            data={ownerOptions}
            value={value.ownerId ?? null}
            onChange={(ownerId) => set({ ownerId: ownerId ?? undefined })}
            placeholder={t('list.anyOwner')}
            clearable
            searchable
            w={180}
            data-testid="filter-owner"
          />
        )}
        <Select
          label={t('filter.kind')}
          data={CUSTOMER_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          value={value.kind ?? null}
          onChange={(kind) => set({ kind: kind ?? undefined })}
          placeholder={t('filter.any')}
          clearable
          w={160}
        />
        <Select
          label={t('filter.customerType')}
          data={CUSTOMER_TYPES.map((k) => ({ value: k, label: t(`customerTypes.${k}`) }))}
          value={value.customerType ?? null}
          onChange={(customerType) => set({ customerType: customerType ?? undefined })}
          placeholder={t('filter.any')}
          clearable
          w={190}
        />
        <Button
          variant="subtle"
          leftSection={<IconAdjustmentsHorizontal size={16} />}
          onClick={toggle}
          data-testid="more-filters"
        >
          {t('list.moreFilters')}
        </Button>
        {hasFilters(value) && (
          <Button variant="subtle" color="gray" leftSection={<IconX size={16} />} onClick={() => onChange({})}>
            {t('list.clearFilters')}
          </Button>
        )}
      </Group>
      <Collapse expanded={more}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} mb="sm">
          <TextInput
            label={t('filter.province')}
            value={value.province ?? ''}
            onChange={(e) => set({ province: e.currentTarget.value || undefined })}
          />
          <Select
            label={t('filter.source')}
            data={SOURCES.map((s) => ({ value: s, label: t(`sources.${s}`) }))}
            value={value.source ?? null}
            onChange={(source) => set({ source: source ?? undefined })}
            placeholder={t('filter.any')}
            clearable
          />
          <TextInput
            type="date"
            label={t('filter.createdFrom')}
            value={value.createdFrom ?? ''}
            onChange={(e) => set({ createdFrom: e.currentTarget.value || undefined })}
          />
          <TextInput
            type="date"
            label={t('filter.createdTo')}
            value={value.createdTo ?? ''}
            onChange={(e) => set({ createdTo: e.currentTarget.value || undefined })}
          />
          <Select
            label={t('filter.consentPurpose')}
            data={(purposes.data?.items ?? []).map((p) => ({ value: p.code, label: label(p) }))}
            value={value.consentPurpose ?? null}
            onChange={(consentPurpose) => set({ consentPurpose: consentPurpose ?? undefined })}
            clearable
          />
          <Select
            label={t('filter.consentChannel')}
            data={CONSENT_CHANNELS.map((c) => ({ value: c, label: t(`consent.channels.${c}`) }))}
            value={value.consentChannel ?? null}
            onChange={(consentChannel) => set({ consentChannel: consentChannel ?? undefined })}
            clearable
          />
          <Select
            label={t('filter.consentStatus')}
            data={[
              { value: 'granted', label: t('consent.statuses.granted') },
              { value: 'withdrawn', label: t('consent.statuses.withdrawn') },
              { value: 'denied', label: t('consent.statuses.denied') },
              { value: 'none', label: t('filter.consentNone') },
            ]}
            value={value.consentStatus ?? null}
            onChange={(consentStatus) => set({ consentStatus: consentStatus ?? undefined })}
            clearable
          />
          {can('analytics') && (
            <>
              <Select
                label={ta('filter.grade')}
                data={VALUE_GRADES.map((g) => ({ value: g, label: ta(`filter.grades.${g}`) }))}
                value={value.valueGrade ?? null}
                onChange={(valueGrade) => set({ valueGrade: valueGrade ?? undefined })}
                clearable
                data-testid="filter-value-grade"
              />
              <Select
                label={ta('filter.segment')}
                data={RFM_SEGMENTS.map((s) => ({ value: s, label: ta(`segments.${s}`) }))}
                value={value.rfmSegment ?? null}
                onChange={(rfmSegment) => set({ rfmSegment: rfmSegment ?? undefined })}
                clearable
              />
              <Select
                label={ta('filter.churnRisk')}
                data={CHURN_RISKS.map((r) => ({ value: r, label: ta(`filter.risks.${r}`) }))}
                value={value.churnRisk ?? null}
                onChange={(churnRisk) => set({ churnRisk: churnRisk ?? undefined })}
                clearable
              />
              <Select
                label={ta('filter.rfmR')}
                data={RFM_SCORES}
                value={value.rfmR ?? null}
                onChange={(rfmR) => set({ rfmR: rfmR ?? undefined })}
                clearable
                data-testid="filter-rfm-r"
              />
              <Select
                label={ta('filter.rfmF')}
                data={RFM_SCORES}
                value={value.rfmF ?? null}
                onChange={(rfmF) => set({ rfmF: rfmF ?? undefined })}
                clearable
                data-testid="filter-rfm-f"
              />
            </>
          )}
          {filterable.map((field) => {
            const current = value.customFields?.[field.key] ?? '';
            const setField = (v: string) => {
              const next = { ...(value.customFields ?? {}) };
              if (v) next[field.key] = v;
              else delete next[field.key];
              set({ customFields: next });
            };
            return field.type === 'select' || field.type === 'multi_select' ? (
              <Select
                key={field.key}
                label={label(field)}
                data={field.options.map((o) => ({ value: o.value, label: label(o) }))}
                value={current || null}
                onChange={(v) => setField(v ?? '')}
                clearable
              />
            ) : (
              <TextInput
                key={field.key}
                label={label(field)}
                type={field.type === 'date' ? 'date' : field.type === 'number' ? 'number' : undefined}
                value={current}
                onChange={(e) => setField(e.currentTarget.value)}
              />
            );
          })}
        </SimpleGrid>
      </Collapse>
    </>
  );
}
