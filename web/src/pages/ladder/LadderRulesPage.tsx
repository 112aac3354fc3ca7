import { Alert, Button, Group, MultiSelect, NumberInput, Stack, TagsInput, Text } from '@mantine/core';
import { IconCheck, IconRefresh } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/problem.ts';
import { useSession } from '../../auth/session-context.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useFormatters } from '../../format/use-formatters.ts';
import { type LadderRules, ladderApi, ladderKeys, useLadderRules } from './ladder-api.ts';
import { RungCard } from './RungCard.tsx';

const CUSTOMER_TYPES = ['consumer', 'reseller', 'business'] as const;

/** Field errors by their full path (e.g. "repeatCustomer.minPurchases"). */
function errorsByPath(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries((error.problem.errors ?? []).map((e) => [e.path, e.message]));
}

/** Admins tune the rules that place customers on the ladder; others see them read-only. */
export function LadderRulesPage() {
  const { t } = useTranslation('ladder');
  const { t: tp } = useTranslation('profile');
  const format = useFormatters();
  const { can } = useSession();
  const editable = can('settings', 'update');
  const queryClient = useQueryClient();
  const loaded = useLadderRules();
  const [rules, setRules] = useState<LadderRules | null>(null);
  useEffect(() => {
    if (loaded.data && !rules) setRules(loaded.data.rules);
  }, [loaded.data, rules]);

  const save = useMutation({
    mutationFn: (next: LadderRules) => ladderApi.saveRules(next),
    onSuccess: (view) => {
      queryClient.setQueryData(ladderKeys.rules, view);
      setRules(view.rules);
      recompute.reset();
    },
  });
  const recompute = useMutation({
    mutationFn: ladderApi.recompute,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ladderKeys.counts });
      save.reset();
    },
  });
  const errors = errorsByPath(save.error);
  const set = <K extends keyof LadderRules>(key: K, patch: Partial<LadderRules[K]>) =>
    setRules((r) => (r ? { ...r, [key]: { ...r[key], ...patch } } : r));
  const num = (v: string | number) => (typeof v === 'number' ? v : Number(v) || 0);
  const ro = !editable;

  return (
    <>
      <PageHeader
        title={t('rules.title')}
        description={t('rules.subtitle')}
        actions={
          editable && (
            <Button
              variant="default"
              leftSection={<IconRefresh size={16} />}
              loading={recompute.isPending}
              onClick={() => recompute.mutate()}
              data-testid="ladder-recompute"
            >
              {t('rules.recompute')}
            </Button>
          )
        }
      />
      <ProblemAlert error={loaded.error ?? recompute.error ?? save.error} />
      {!editable && (
        <Alert variant="light" mb="md">
          {t('rules.readOnly')}
        </Alert>
      )}
      {save.isSuccess && (
        <Alert color="teal" variant="light" icon={<IconCheck size={18} />} mb="md" data-testid="rules-saved">
          {t('rules.saved')}
        </Alert>
      )}
      {recompute.data && (
        <Alert color="teal" variant="light" icon={<IconCheck size={18} />} mb="md" data-testid="rules-recomputed">
          {t('rules.recomputed', {
            evaluated: format.number(recompute.data.evaluated),
            changed: format.number(recompute.data.changed),
          })}
        </Alert>
      )}
      {rules && (
        <Stack gap="md" mt="md">
          <RungCard
            stage="partner"
            enabled={rules.partner.enabled}
            onEnabled={(enabled) => set('partner', { enabled })}
            disabled={ro}
          >
            <TagsInput
              label={t('rules.tagsFirst')}
              placeholder={t('rules.tagsPlaceholder')}
              value={rules.partner.tags}
              onChange={(tags) => set('partner', { tags })}
              disabled={ro}
              error={errors['partner.tags']}
            />
            <MultiSelect
              label={t('rules.customerTypes')}
              data={CUSTOMER_TYPES.map((value) => ({ value, label: tp(`customerTypes.${value}`) }))}
              value={rules.partner.customerTypes}
              onChange={(v) => set('partner', { customerTypes: v as LadderRules['partner']['customerTypes'] })}
              disabled={ro}
            />
          </RungCard>
          <RungCard
            stage="advocate"
            enabled={rules.advocate.enabled}
            onEnabled={(enabled) => set('advocate', { enabled })}
            disabled={ro}
          >
            <NumberInput
              label={t('rules.minReferrals')}
              min={1}
              w={340}
              value={rules.advocate.minReferrals}
              onChange={(v) => set('advocate', { minReferrals: num(v) })}
              disabled={ro}
              error={errors['advocate.minReferrals']}
            />
            <TagsInput
              label={t('rules.tags')}
              placeholder={t('rules.tagsPlaceholder')}
              value={rules.advocate.tags}
              onChange={(tags) => set('advocate', { tags })}
              disabled={ro}
            />
          </RungCard>
          <RungCard
            stage="supporter"
            enabled={rules.supporter.enabled}
            onEnabled={(enabled) => set('supporter', { enabled })}
            disabled={ro}
          >
            <NumberInput
              label={t('rules.minPurchases')}
              min={1}
              w={340}
              value={rules.supporter.minPurchases}
              onChange={(v) => set('supporter', { minPurchases: num(v) })}
              disabled={ro}
              error={errors['supporter.minPurchases']}
              data-testid="supporter-min"
            />
            <TagsInput
              label={t('rules.tags')}
              placeholder={t('rules.tagsPlaceholder')}
              value={rules.supporter.tags}
              onChange={(tags) => set('supporter', { tags })}
              disabled={ro}
            />
          </RungCard>
          <RungCard
            stage="repeat_customer"
            enabled={rules.repeatCustomer.enabled}
            onEnabled={(enabled) => set('repeatCustomer', { enabled })}
            disabled={ro}
          >
            <NumberInput
              label={t('rules.minPurchases')}
              min={1}
              w={340}
              value={rules.repeatCustomer.minPurchases}
              onChange={(v) => set('repeatCustomer', { minPurchases: num(v) })}
              disabled={ro}
              error={errors['repeatCustomer.minPurchases']}
              data-testid="repeat-min"
            />
          </RungCard>
          <RungCard
            stage="first_time_buyer"
            enabled={rules.firstTimeBuyer.enabled}
            onEnabled={(enabled) => set('firstTimeBuyer', { enabled })}
            disabled={ro}
          >
            <NumberInput
              label={t('rules.minPurchases')}
              min={1}
              w={340}
              value={rules.firstTimeBuyer.minPurchases}
              onChange={(v) => set('firstTimeBuyer', { minPurchases: num(v) })}
              disabled={ro}
              error={errors['firstTimeBuyer.minPurchases']}
            />
          </RungCard>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {loaded.data?.updatedAt
                ? t('rules.lastChanged', { date: format.dateTime(loaded.data.updatedAt) })
                : t('rules.neverChanged')}
            </Text>
            {editable && (
              <Group>
                <Button variant="default" onClick={() => loaded.data && setRules(loaded.data.defaults)}>
                  {t('rules.reset')}
                </Button>
                <Button loading={save.isPending} onClick={() => save.mutate(rules)} data-testid="rules-save">
                  {t('rules.save')}
                </Button>
              </Group>
            )}
          </Group>
        </Stack>
      )}
    </>
  );
}
