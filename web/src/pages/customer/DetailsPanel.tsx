import { Anchor, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFormatters } from '../../format/use-formatters.ts';
import { fieldsFor, useCustomFields, useLabel, useReferrals } from '../../queries/customers.ts';
import type { CustomerProfile, CustomFieldDefinition } from '../../queries/customers-types.ts';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
        {children || '—'}
      </Text>
    </Stack>
  );
}

function useCustomValue() {
  const label = useLabel();
  const format = useFormatters();
  return (field: CustomFieldDefinition, value: unknown): string => {
    if (value === undefined || value === null || value === '') return '';
    const option = (v: unknown) => {
      const found = field.options.find((o) => o.value === v);
      return found ? label(found) : String(v);
    };
    if (field.type === 'select') return option(value);
    if (field.type === 'multi_select' && Array.isArray(value)) return value.map(option).join(', ');
    if (field.type === 'date' && typeof value === 'string') return format.date(`${value}T12:00:00Z`);
    if (field.type === 'number' && typeof value === 'number') return format.number(value);
    return String(value);
  };
}

/** Every profile field, read-only; editing happens in the form opened from the header. */
export function DetailsPanel({ customer }: { customer: CustomerProfile }) {
  const { t } = useTranslation('profile');
  const format = useFormatters();
  const label = useLabel();
  const customValue = useCustomValue();
  const definitions = useCustomFields();
  const referrals = useReferrals(customer.id);
  const custom = fieldsFor(definitions.data?.items, customer.kind);
  const isCompany = customer.kind === 'company';
  const tr = (group: string, value: string | null | undefined) =>
    value ? t(`${group}.${value}` as 'kinds.person', { defaultValue: value }) : '';
  const referredBy = referrals.data?.referredBy;

  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md" data-testid="profile-details">
      <Row label={t('form.firstName')}>{customer.firstName}</Row>
      <Row label={t('form.lastName')}>{customer.lastName}</Row>
      <Row label={t('form.nickname')}>{customer.nickname}</Row>
      <Row label={t('form.firstNameEn')}>{customer.firstNameEn}</Row>
      <Row label={t('form.lastNameEn')}>{customer.lastNameEn}</Row>
      <Row label={t('form.customerType')}>{tr('customerTypes', customer.customerType)}</Row>
      {isCompany ? (
        <>
          <Row label={t('form.taxId')}>{customer.taxId}</Row>
          <Row label={t('form.industry')}>{customer.industry}</Row>
          <Row label={t('form.companySize')}>{tr('companySizes', customer.companySize)}</Row>
          <Row label={t('form.website')}>{customer.website}</Row>
        </>
      ) : (
        <>
          <Row label={t('form.gender')}>{tr('genders', customer.gender)}</Row>
          <Row label={t('form.birthday')}>{customer.birthday ? format.date(`${customer.birthday}T12:00:00Z`) : ''}</Row>
          <Row label={t('form.language')}>{tr('languages', customer.language)}</Row>
          <Row label={t('form.occupation')}>{customer.occupation}</Row>
          <Row label={t('form.incomeBand')}>{tr('incomeBands', customer.incomeBand)}</Row>
          <Row label={t('form.interests')}>{(customer.interests ?? []).join(', ')}</Row>
        </>
      )}
      <Row label={t('form.addressLine')}>
        {[customer.addressLine, customer.subDistrict, customer.district, customer.province, customer.postcode]
          .filter(Boolean)
          .join(' ')}
      </Row>
      <Row label={t('form.source')}>{tr('sources', customer.source)}</Row>
      <Row label={t('form.referredBy')}>
        {referredBy && (
          <Anchor component={Link} to={`/customers/${referredBy.id}`} size="sm">
            {referredBy.displayName}
          </Anchor>
        )}
      </Row>
      <Row label={t('profile.lastContacted', { date: '' }).trim()}>
        {customer.lastContactedAt ? format.dateTime(customer.lastContactedAt) : t('profile.neverContacted')}
      </Row>
      {custom.map((field) => (
        <Row key={field.key} label={label(field)}>
          {customValue(field, customer.customFields?.[field.key])}
        </Row>
      ))}
    </SimpleGrid>
  );
}
