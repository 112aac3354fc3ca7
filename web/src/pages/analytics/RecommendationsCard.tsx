import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session-context.ts';
import { type ProductRef, useRecommendations } from './dashboard-api.ts';

/** "Recommended products" on the profile: next-best products with why each is suggested. */
export function RecommendationsCard({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation('analytics');
  const { can } = useSession();
  const allowed = can('analytics');
  const query = useRecommendations(customerId, allowed);
  if (!allowed || !query.data) return null;
  const name = (p: ProductRef) => (i18n.language === 'en' && p.nameEn ? p.nameEn : p.nameTh);
  const { items, basis } = query.data;
  return (
    <Paper withBorder radius="md" p="md" mt="md" data-testid="customer-recommendations">
      <Text fw={600} mb="xs">
        {t('recommendations.title')}
      </Text>
      {!items.length ? (
        <Text size="sm" c="dimmed">
          {t('recommendations.empty')}
        </Text>
      ) : (
        <Stack gap={6}>
          {basis === 'best_sellers' && (
            <Text size="xs" c="dimmed">
              {t('recommendations.basisBestSellers')}
            </Text>
          )}
          {items.map((item) => (
            <Group key={item.productId} justify="space-between" wrap="nowrap" data-testid="recommendation">
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={500} truncate>
                  {name(item)}{' '}
                  <Text span size="xs" c="dimmed">
                    {item.sku}
                  </Text>
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {item.reason.kind === 'bought_with'
                    ? t('recommendations.boughtWith', { name: name(item.reason.product) })
                    : t('recommendations.bestSeller', { n: item.reason.customers })}
                </Text>
              </div>
              {item.reason.kind === 'bought_with' && (
                <Badge variant="light" size="sm" tt="none">
                  {t('recommendations.lift', { lift: item.reason.lift.toFixed(1) })}
                </Badge>
              )}
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
