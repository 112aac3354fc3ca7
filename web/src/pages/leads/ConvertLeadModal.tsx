import { Button, Checkbox, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { parseBaht } from '../../format/baht-input.ts';
import type { Lead } from './leads-api.ts';

/** Converts a lead to a customer, optionally opening a deal; the server finds or creates the customer. */
export function ConvertLeadModal({
  lead,
  busy,
  error,
  onCancel,
  onConfirm,
}: {
  lead: Lead;
  busy?: boolean;
  error?: Error | null;
  onCancel: () => void;
  onConfirm: (choice: { customerId?: string; deal?: { title: string; valueSatang?: number } }) => void;
}) {
  const { t } = useTranslation('leads');
  const [withDeal, setWithDeal] = useState(true);
  const [title, setTitle] = useState(lead.company ?? lead.displayName);
  const [value, setValue] = useState('');
  const satang = value.trim() ? parseBaht(value) : undefined;
  const valid = !withDeal || (title.trim() !== '' && satang !== null);
  // A customer with the lead's email or phone: offered first, so the lead joins that profile.
  const customers = (lead.duplicates ?? []).filter((d) => d.kind === 'customer');
  const [customerId, setCustomerId] = useState<string>(customers[0]?.id ?? '');
  return (
    <Modal opened onClose={onCancel} title={t('drawer.convertTitle')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!valid) return;
          onConfirm({
            ...(customerId ? { customerId } : {}),
            ...(withDeal
              ? { deal: { title: title.trim(), ...(typeof satang === 'number' ? { valueSatang: satang } : {}) } }
              : {}),
          });
        }}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {t('drawer.convertHint')}
          </Text>
          <ProblemAlert error={error} />
          {customers.length > 0 && (
            <Radio.Group
              value={customerId}
              onChange={setCustomerId}
              label={t('duplicates.attachTitle')}
              data-testid="lead-convert-attach"
            >
              <Stack gap="xs" mt="xs">
                {customers.map((c) => (
                  <Radio key={c.id} value={c.id} label={t('duplicates.attachTo', { name: c.name })} />
                ))}
                <Radio value="" label={t('duplicates.attachAuto')} />
              </Stack>
            </Radio.Group>
          )}
          <Checkbox
            label={t('drawer.withDeal')}
            checked={withDeal}
            onChange={(e) => setWithDeal(e.currentTarget.checked)}
          />
          {withDeal && (
            <>
              <TextInput
                label={t('drawer.dealTitle')}
                value={title}
                onChange={(e) => setTitle(e.currentTarget.value)}
                required
                name="dealTitle"
              />
              <TextInput
                label={t('drawer.dealValue')}
                value={value}
                onChange={(e) => setValue(e.currentTarget.value)}
                inputMode="decimal"
                name="dealValue"
                error={satang === null ? ' ' : undefined}
              />
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('drawer.cancel')}
            </Button>
            <Button type="submit" disabled={!valid} loading={busy} data-testid="lead-convert-confirm">
              {t('drawer.confirmConvert')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
