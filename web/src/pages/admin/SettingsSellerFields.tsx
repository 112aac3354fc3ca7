import { Group, Select, SimpleGrid, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The seller printed on quotes (settings.seller on the server); '' means not set. */
export interface SellerSettings {
  legalName: string;
  address: string;
  taxId: string;
  /** 'head_office', a 5-digit branch number, or '' */
  branch: string;
  phone: string;
  email: string;
}

export const EMPTY_SELLER: SellerSettings = { legalName: '', address: '', taxId: '', branch: '', phone: '', email: '' };

/** The fields that differ, trimmed as the server stores them. */
export function changedSeller(saved: SellerSettings, draft: SellerSettings): Partial<SellerSettings> {
  const out: Partial<SellerSettings> = {};
  for (const key of Object.keys(EMPTY_SELLER) as (keyof SellerSettings)[]) {
    if (draft[key].trim() !== saved[key]) out[key] = draft[key].trim();
  }
  return out;
}

const branchKind = (branch: string) => (branch === '' ? 'none' : branch === 'head_office' ? 'head' : 'branch');

/** Legal name, address, tax id and branch, phone and email of the seller (Thai and English labels). */
export function SettingsSellerFields({
  value,
  onChange,
  errors,
  readOnly,
}: {
  value: SellerSettings;
  onChange: (patch: Partial<SellerSettings>) => void;
  errors: Record<string, string>;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const kind = branchKind(value.branch);
  return (
    <>
      <Title order={4}>{t('settings.sections.seller')}</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TextInput
          label={t('settings.fields.legalName')}
          description={t('settings.legalNameHint')}
          value={value.legalName}
          onChange={(e) => onChange({ legalName: e.currentTarget.value })}
          error={errors.legalName}
          disabled={readOnly}
          data-testid="seller-legal-name"
        />
        <TextInput
          label={t('settings.fields.sellerTaxId')}
          description={t('settings.sellerTaxIdHint')}
          value={value.taxId}
          onChange={(e) => onChange({ taxId: e.currentTarget.value })}
          error={errors.taxId}
          disabled={readOnly}
          inputMode="numeric"
          data-testid="seller-tax-id"
        />
        <Textarea
          label={t('settings.fields.sellerAddress')}
          value={value.address}
          onChange={(e) => onChange({ address: e.currentTarget.value })}
          error={errors.address}
          disabled={readOnly}
          autosize
          minRows={2}
          data-testid="seller-address"
        />
        <Group align="flex-start" grow>
          <Select
            label={t('settings.fields.sellerBranch')}
            data={[
              { value: 'none', label: t('settings.branch.none') },
              { value: 'head', label: t('settings.branch.head') },
              { value: 'branch', label: t('settings.branch.branch') },
            ]}
            value={kind}
            onChange={(next) =>
              onChange({ branch: next === 'head' ? 'head_office' : next === 'branch' ? '00001' : '' })
            }
            disabled={readOnly}
            allowDeselect={false}
            data-testid="seller-branch-kind"
          />
          {kind === 'branch' && (
            <TextInput
              label={t('settings.fields.sellerBranchNo')}
              value={value.branch}
              onChange={(e) => onChange({ branch: e.currentTarget.value })}
              error={errors.branch}
              disabled={readOnly}
              inputMode="numeric"
              maxLength={5}
              data-testid="seller-branch-no"
            />
          )}
        </Group>
        <TextInput
          label={t('settings.fields.sellerPhone')}
          value={value.phone}
          onChange={(e) => onChange({ phone: e.currentTarget.value })}
          error={errors.phone}
          disabled={readOnly}
          data-testid="seller-phone"
        />
        <TextInput
          label={t('settings.fields.sellerEmail')}
          type="email"
          value={value.email}
          onChange={(e) => onChange({ email: e.currentTarget.value })}
          error={errors.email}
          disabled={readOnly}
          data-testid="seller-email"
        />
      </SimpleGrid>
    </>
  );
}
