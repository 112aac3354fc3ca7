import { Anchor, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useReferrals } from '../../queries/customers.ts';
import type { CustomerProfile, CustomerSummary } from '../../queries/customers-types.ts';

/** Who referred this customer, and whom they referred (set "referred by" in the profile form). */
export function ReferralsPanel({ customer }: { customer: CustomerProfile }) {
  const { t } = useTranslation('profile');
  const referrals = useReferrals(customer.id);
  const data = referrals.data;
  const referred: CustomerSummary[] = data?.referred.items ?? [];
  const person = (c: CustomerSummary) => (
    <Anchor component={Link} to={`/customers/${c.id}`} size="sm">
      {c.displayName}
    </Anchor>
  );

  return (
    <Stack data-testid="referrals-panel">
      <ProblemAlert error={referrals.error} />
      <Stack gap={2}>
        <Text size="xs" c="dimmed">
          {t('referrals.referredBy')}
        </Text>
        {data?.referredBy ? person(data.referredBy) : <Text size="sm">{t('referrals.nobody')}</Text>}
      </Stack>
      <Stack gap={2}>
        <Text size="xs" c="dimmed">
          {t('referrals.referred', { count: data?.count ?? referred.length })}
        </Text>
        {referred.length === 0 ? (
          <Text size="sm">{t('referrals.none')}</Text>
        ) : (
          <List size="sm">
            {referred.map((c) => (
              <List.Item key={c.id}>{person(c)}</List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Stack>
  );
}
