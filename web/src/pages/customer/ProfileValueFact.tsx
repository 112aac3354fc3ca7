import { Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session-context.ts';
import { useFormatters } from '../../format/use-formatters.ts';
import { useCustomerScores } from '../analytics/scores-api.ts';

/**
 * The header's "Value": the customer's grade and predicted 12-month value from the last
 * analytics recompute (the same query as the value card below, so no second request). Left
 * out for roles that may not see analytics.
 */
export function ProfileValueFact({ customerId }: { customerId: string }) {
  const { t } = useTranslation('profile');
  const { t: ta } = useTranslation('analytics');
  const { can } = useSession();
  const format = useFormatters();
  const allowed = can('analytics');
  const query = useCustomerScores(customerId, allowed);
  if (!allowed) return null;
  const scores = query.data?.scores ?? null;
  const value = scores ? `${scores.valueGrade} · ${format.money(scores.clv12mSatang)}` : '—';
  const hint = scores ? t('profile.valueHint') : ta('scores.empty');
  return (
    <Tooltip label={hint} multiline w={260}>
      <Stack gap={0} miw={0}>
        <Text size="xs" c="dimmed">
          {t('profile.value')}
        </Text>
        <Text size="sm" fw={500} data-testid="profile-value">
          {value}
        </Text>
      </Stack>
    </Tooltip>
  );
}
