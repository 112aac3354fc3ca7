import { Divider, SegmentedControl, Select, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session-context.ts';
import { useFormatters } from '../../format/use-formatters.ts';
import { fieldsFor, useCustomFields, useUserOptions } from '../../queries/customers.ts';
import { COMPANY_SIZES, CUSTOMER_TYPES, GENDERS, INCOME_BANDS, SOURCES } from '../../queries/customers-types.ts';
import { CustomerPicker } from './CustomerPicker.tsx';
import { CustomFieldInputs } from './CustomFieldInputs.tsx';
import type { ChoiceField, CustomerDraft, TextField } from './customer-draft.ts';

function Section({ title }: { title: string }) {
  return (
    <Divider
      label={
        <Text fw={600} size="sm">
          {title}
        </Text>
      }
      labelPosition="left"
      mt="xs"
    />
  );
}

/** Every editable profile field, grouped; person and company show their own fields. */
export function CustomerFormFields({
  draft,
  errors,
  onChange,
  customerId,
}: {
  draft: CustomerDraft;
  errors: Record<string, string>;
  onChange: (next: CustomerDraft) => void;
  customerId?: string;
}) {
  const { t } = useTranslation('profile');
  const { scopeOf } = useSession();
  const format = useFormatters();
  const users = useUserOptions();
  const definitions = useCustomFields();
  const isCompany = draft.choice.kind === 'company';
  const custom = fieldsFor(definitions.data?.items, draft.choice.kind ?? 'person');

  const text = (field: TextField, extra: { label: string; description?: string; type?: string } = { label: '' }) => (
    <TextInput
      key={field}
      name={field}
      label={extra.label || t(`form.${field}` as 'form.email')}
      description={extra.description}
      type={extra.type}
      value={draft.text[field]}
      error={errors[field]}
      onChange={(e) => onChange({ ...draft, text: { ...draft.text, [field]: e.currentTarget.value } })}
    />
  );
  const choice = (field: ChoiceField, label: string, data: { value: string; label: string }[]) => (
    <Select
      key={field}
      name={field}
      label={label}
      data={data}
      value={draft.choice[field]}
      error={errors[field]}
      clearable
      onChange={(value) => onChange({ ...draft, choice: { ...draft.choice, [field]: value } })}
    />
  );
  const birthday = draft.text.birthday;

  return (
    <Stack gap="sm">
      <SegmentedControl
        value={draft.choice.kind ?? 'person'}
        onChange={(kind) => onChange({ ...draft, choice: { ...draft.choice, kind } })}
        data={[
          { value: 'person', label: t('kinds.person') },
          { value: 'company', label: t('kinds.company') },
        ]}
        data-testid="customer-kind"
      />
      <Section title={t('form.sectionNames')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {isCompany
          ? text('displayName', { label: t('form.companyName') })
          : text('displayName', { label: t('form.displayName'), description: t('form.displayNameHint') })}
        {choice(
          'customerType',
          t('form.customerType'),
          CUSTOMER_TYPES.map((v) => ({ value: v, label: t(`customerTypes.${v}`) })),
        )}
        {!isCompany && text('firstName')}
        {!isCompany && text('lastName')}
        {!isCompany && text('firstNameEn')}
        {!isCompany && text('lastNameEn')}
        {!isCompany && text('nickname')}
      </SimpleGrid>

      <Section title={t('form.sectionContact')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {text('phone', { label: t('form.phone'), description: t('form.phoneHint'), type: 'tel' })}
        {text('email', { label: t('form.email'), type: 'email' })}
        {text('lineId')}
      </SimpleGrid>

      {isCompany ? (
        <>
          <Section title={t('form.sectionCompany')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('taxId')}
            {text('industry')}
            {choice(
              'companySize',
              t('form.companySize'),
              COMPANY_SIZES.map((v) => ({ value: v, label: t(`companySizes.${v}`) })),
            )}
            {text('website', { label: t('form.website'), type: 'url' })}
          </SimpleGrid>
        </>
      ) : (
        <>
          <Section title={t('form.sectionPersonal')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {choice(
              'gender',
              t('form.gender'),
              GENDERS.map((v) => ({ value: v, label: t(`genders.${v}`) })),
            )}
            {text('birthday', {
              label: t('form.birthday'),
              type: 'date',
              description: birthday ? format.date(`${birthday}T12:00:00Z`) : undefined,
            })}
            {choice('language', t('form.language'), [
              { value: 'th', label: t('languages.th') },
              { value: 'en', label: t('languages.en') },
            ])}
            {text('occupation')}
            {choice(
              'incomeBand',
              t('form.incomeBand'),
              INCOME_BANDS.map((v) => ({ value: v, label: t(`incomeBands.${v}`) })),
            )}
            <TagsInput
              label={t('form.interests')}
              description={t('form.interestsHint')}
              value={draft.interests}
              error={errors.interests}
              onChange={(interests) => onChange({ ...draft, interests })}
            />
          </SimpleGrid>
        </>
      )}

      <Section title={t('form.sectionAddress')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {text('addressLine')}
        {text('subDistrict')}
        {text('district')}
        {text('province')}
        {text('postcode')}
      </SimpleGrid>

      {custom.length > 0 && (
        <>
          <Section title={t('form.sectionCustomFields')} />
          <CustomFieldInputs
            definitions={custom}
            values={draft.customFields}
            errors={errors}
            onChange={(key, value) => onChange({ ...draft, customFields: { ...draft.customFields, [key]: value } })}
          />
        </>
      )}

      <Section title={t('form.sectionOther')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {choice(
          'source',
          t('form.source'),
          SOURCES.map((v) => ({ value: v, label: t(`sources.${v}`) })),
        )}
        <TagsInput
          label={t('form.tags')}
          value={draft.tags}
          error={errors.tags}
          onChange={(tags) => onChange({ ...draft, tags })}
        />
        {scopeOf('customers') !== 'own' && choice('ownerId', t('form.owner'), users.options)}
        <CustomerPicker
          label={t('form.referredBy')}
          value={draft.choice.referredById}
          initialLabel={draft.referredByLabel}
          excludeId={customerId}
          error={errors.referredById}
          onChange={(id, label) =>
            onChange({ ...draft, choice: { ...draft.choice, referredById: id }, referredByLabel: label })
          }
        />
      </SimpleGrid>
    </Stack>
  );
}
