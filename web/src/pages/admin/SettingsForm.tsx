import {
  Alert,
  Button,
  Divider,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type SettingsUpdate, settingsApi } from '../../api/endpoints.ts';
import { ApiError } from '../../api/problem.ts';
import type { Settings } from '../../api/types.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { settingsQueryKey } from '../../format/display-settings.ts';
import { makeFormatters } from '../../format/formatters.ts';
import { isLocale } from '../../i18n/i18n.ts';
import { changedSeller, EMPTY_SELLER, type SellerSettings, SettingsSellerFields } from './SettingsSellerFields.tsx';

/** The settings with the seller block (older servers may not send it). */
type FormSettings = Settings & { seller: SellerSettings };
type FormUpdate = SettingsUpdate & { seller?: Partial<SellerSettings> };

const CURRENCIES = ['THB', 'USD', 'EUR', 'GBP', 'JPY', 'CNY', 'SGD', 'MYR', 'LAK', 'KHR', 'MMK', 'VND', 'IDR', 'PHP'];

function changedFields(saved: FormSettings, draft: FormSettings): FormUpdate {
  const update: FormUpdate = {};
  if (draft.companyName !== saved.companyName) update.companyName = draft.companyName.trim();
  if (draft.currency !== saved.currency) update.currency = draft.currency;
  if (draft.timeZone !== saved.timeZone) update.timeZone = draft.timeZone;
  if (draft.locale !== saved.locale) update.locale = draft.locale;
  if (draft.buddhistEra !== saved.buddhistEra) update.buddhistEra = draft.buddhistEra;
  const backup: SettingsUpdate['backup'] = {};
  if (draft.backup.enabled !== saved.backup.enabled) backup.enabled = draft.backup.enabled;
  if (draft.backup.hour !== saved.backup.hour) backup.hour = draft.backup.hour;
  if (draft.backup.retentionDays !== saved.backup.retentionDays) backup.retentionDays = draft.backup.retentionDays;
  if (Object.keys(backup).length > 0) update.backup = backup;
  const seller = changedSeller(saved.seller, draft.seller);
  if (Object.keys(seller).length > 0) update.seller = seller;
  return update;
}

function timeZones(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [current, ...zones];
}

/** Mount with `key` = the saved settings' identity so a save resets the draft. */
export function SettingsForm({ saved: stored, readOnly }: { saved: Settings; readOnly: boolean }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const saved: FormSettings = {
    ...stored,
    seller: { ...EMPTY_SELLER, ...(stored as Partial<FormSettings>).seller },
  };
  const [draft, setDraft] = useState<FormSettings>(saved);
  const set = (patch: Partial<Settings>) => setDraft((current) => ({ ...current, ...patch }));
  const setSeller = (patch: Partial<SellerSettings>) =>
    setDraft((current) => ({ ...current, seller: { ...current.seller, ...patch } }));
  const setBackup = (patch: Partial<Settings['backup']>) =>
    setDraft((current) => ({ ...current, backup: { ...current.backup, ...patch } }));

  const save = useMutation({
    mutationFn: (update: FormUpdate) => settingsApi.update(update),
    onSuccess: (settings) => {
      queryClient.setQueryData(settingsQueryKey, settings);
      notifications.show({ color: 'teal', message: t('settings.saved') });
    },
  });
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const update = changedFields(saved, draft);
  const dirty = Object.keys(update).length > 0;

  const currencyNames = useMemo(() => new Intl.DisplayNames([i18n.language], { type: 'currency' }), [i18n.language]);
  const zones = useMemo(() => timeZones(saved.timeZone), [saved.timeZone]);
  const preview = makeFormatters(i18n.language, draft);
  const now = new Date().toISOString();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (dirty) save.mutate(update);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        {readOnly && (
          <Alert color="gray" variant="light" icon={<IconLock size={18} />}>
            {t('settings.readOnly')}
          </Alert>
        )}
        <ProblemAlert error={save.error} />
        <Title order={4}>{t('settings.sections.company')}</Title>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <TextInput
            label={t('settings.fields.companyName')}
            value={draft.companyName}
            onChange={(e) => set({ companyName: e.currentTarget.value })}
            error={fieldErrors.companyName}
            disabled={readOnly}
            required
          />
          <Select
            label={t('settings.fields.currency')}
            data={CURRENCIES.map((code) => ({ value: code, label: `${code} — ${currencyNames.of(code) ?? code}` }))}
            value={draft.currency}
            onChange={(currency) => currency && set({ currency })}
            error={fieldErrors.currency}
            disabled={readOnly}
            searchable
            allowDeselect={false}
          />
          <Select
            label={t('settings.fields.locale')}
            description={t('settings.localeHint')}
            data={[
              { value: 'th', label: 'ไทย' },
              { value: 'en', label: 'English' },
            ]}
            value={draft.locale}
            onChange={(locale) => isLocale(locale) && set({ locale })}
            error={fieldErrors.locale}
            disabled={readOnly}
            allowDeselect={false}
          />
        </SimpleGrid>

        <Divider />
        <SettingsSellerFields value={draft.seller} onChange={setSeller} errors={fieldErrors} readOnly={readOnly} />

        <Divider />
        <Title order={4}>{t('settings.sections.dates')}</Title>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Select
            label={t('settings.fields.timeZone')}
            data={zones}
            value={draft.timeZone}
            onChange={(timeZone) => timeZone && set({ timeZone })}
            error={fieldErrors.timeZone}
            disabled={readOnly}
            searchable
            allowDeselect={false}
            limit={50}
          />
          <Stack gap={6} justify="center">
            <Switch
              label={t('settings.fields.buddhistEra')}
              description={t('settings.buddhistEraHint')}
              checked={draft.buddhistEra}
              onChange={(e) => set({ buddhistEra: e.currentTarget.checked })}
              disabled={readOnly}
            />
          </Stack>
        </SimpleGrid>
        <Text size="sm" c="dimmed" data-testid="settings-preview">
          {t('settings.preview', { date: preview.dateTime(now), money: preview.money(123456789) })}
        </Text>

        <Divider />
        <Title order={4}>{t('settings.sections.backup')}</Title>
        <Switch
          label={t('settings.fields.backupEnabled')}
          description={t('settings.backupHint')}
          checked={draft.backup.enabled}
          onChange={(e) => setBackup({ enabled: e.currentTarget.checked })}
          disabled={readOnly}
        />
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <NumberInput
            label={t('settings.fields.backupHour')}
            description={t('settings.backupHourHint', { timeZone: draft.timeZone })}
            value={draft.backup.hour}
            onChange={(hour) => typeof hour === 'number' && setBackup({ hour })}
            min={0}
            max={23}
            clampBehavior="strict"
            allowDecimal={false}
            error={fieldErrors.hour}
            disabled={readOnly || !draft.backup.enabled}
          />
          <NumberInput
            label={t('settings.fields.retentionDays')}
            description={t('settings.retentionHint')}
            value={draft.backup.retentionDays}
            onChange={(days) => typeof days === 'number' && setBackup({ retentionDays: days })}
            min={1}
            max={3650}
            allowDecimal={false}
            error={fieldErrors.retentionDays}
            disabled={readOnly || !draft.backup.enabled}
          />
        </SimpleGrid>

        {!readOnly && (
          <Group justify="flex-end">
            <Button variant="default" disabled={!dirty || save.isPending} onClick={() => setDraft(saved)}>
              {t('common.reset')}
            </Button>
            <Button type="submit" disabled={!dirty} loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
