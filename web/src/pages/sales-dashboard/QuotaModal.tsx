import { Button, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { bahtText, parseBaht } from '../../format/baht-input.ts';
import { useFormatters } from '../../format/use-formatters.ts';
import { type Quota, salesApi, salesKeys } from './forecasts-api.ts';

interface Option {
  value: string;
  label: string;
}

/** Sets (or replaces) the quota of one salesperson or team for a month or quarter. */
export function QuotaModal({
  period,
  periods,
  users,
  teams,
  onClose,
}: {
  period: string;
  periods: Option[];
  users: Option[];
  teams: Option[];
  onClose: () => void;
}) {
  const { t } = useTranslation('forecasts');
  const fmt = useFormatters();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<'user' | 'team'>(users.length ? 'user' : 'team');
  const [who, setWho] = useState<string | null>((kind === 'user' ? users[0]?.value : teams[0]?.value) ?? null);
  const [when, setWhen] = useState(period);
  const [amount, setAmount] = useState('');
  const [deals, setDeals] = useState<number | string>('');
  const existing = useQuery({ queryKey: [...salesKeys.all, 'quotas', when], queryFn: () => salesApi.quotas(when) });
  const current: Quota | undefined = existing.data?.items.find(
    (q) => q.period === when && (kind === 'user' ? q.userId === who : q.teamId === who),
  );
  const satang = parseBaht(amount);
  const save = useMutation({
    mutationFn: () => {
      const dealCount = deals === '' ? null : Number(deals);
      if (current) return salesApi.updateQuota(current.id, { amountSatang: satang ?? 0, dealCount });
      return salesApi.createQuota({
        ...(kind === 'user' ? { userId: who ?? '' } : { teamId: who ?? '' }),
        period: when,
        amountSatang: satang ?? 0,
        dealCount,
      });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: salesKeys.all });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('quota.title')} data-testid="quota-modal">
      <Stack>
        {users.length > 0 && teams.length > 0 && (
          <SegmentedControl
            data={[
              { value: 'user', label: t('quota.user') },
              { value: 'team', label: t('quota.team') },
            ]}
            value={kind}
            onChange={(v) => {
              const next = v === 'team' ? 'team' : 'user';
              setKind(next);
              setWho((next === 'user' ? users[0]?.value : teams[0]?.value) ?? null);
            }}
          />
        )}
        <Select
          label={kind === 'user' ? t('quota.userLabel') : t('quota.teamLabel')}
          data={kind === 'user' ? users : teams}
          value={who}
          onChange={setWho}
          allowDeselect={false}
          searchable
          data-testid="quota-who"
        />
        <Select
          label={t('quota.period')}
          data={periods}
          value={when}
          onChange={(v) => v && setWhen(v)}
          allowDeselect={false}
        />
        <TextInput
          label={t('quota.amount')}
          value={amount}
          onChange={(e) => setAmount(e.currentTarget.value)}
          placeholder={current ? bahtText(current.amountSatang) : '1,000,000'}
          error={amount !== '' && satang === null ? '✕' : undefined}
          inputMode="decimal"
          data-testid="quota-amount"
        />
        <NumberInput label={t('quota.dealCount')} value={deals} onChange={setDeals} min={0} allowDecimal={false} />
        {current && (
          <Text size="sm" c="dimmed">
            {t('quota.existing', { amount: fmt.money(current.amountSatang) })}
          </Text>
        )}
        <ProblemAlert error={save.error} />
        <Group justify="flex-end">
          <Button
            onClick={() => save.mutate()}
            loading={save.isPending}
            disabled={!who || satang === null}
            data-testid="quota-save"
          >
            {t('quota.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
