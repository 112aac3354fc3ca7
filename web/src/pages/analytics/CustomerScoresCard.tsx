import { Badge, Group, Paper, SimpleGrid, Text, Tooltip } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session-context.ts';
import { useFormatters } from '../../format/use-formatters.ts';
import { type ChurnRisk, useCustomerScores, type ValueGrade } from './scores-api.ts';

const GRADE_COLORS: Record<ValueGrade, string> = { A: 'teal', B: 'blue', C: 'gray' };
const RISK_COLORS: Record<ChurnRisk, string> = { low: 'teal', medium: 'yellow', high: 'red' };

function Fact({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: React.ReactNode;
  hint?: string;
  testId?: string;
}) {
  const body = (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={600}>
        {value}
      </Text>
    </div>
  );
  return hint ? <Tooltip label={hint}>{body}</Tooltip> : body;
}

/**
 * The customer's value as the last analytics recompute found it: grade A/B/C, RFM segment,
 * probability still buying, churn risk, expected purchases and predicted 12-month value. A
 * customer who has bought in one period only gets a note: with no repeat purchases, their
 * figures come from customers like them, not from their own history.
 */
export function CustomerScoresCard({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation('analytics');
  const { can } = useSession();
  const fmt = useFormatters();
  const allowed = can('analytics');
  const query = useCustomerScores(customerId, allowed);
  if (!allowed || !query.data) return null;
  const scores = query.data.scores;
  const lang = i18n.language === 'en' ? 'en' : 'th';
  return (
    <Paper withBorder radius="md" p="md" mt="md" data-testid="customer-scores">
      <Group justify="space-between" mb={scores ? 'sm' : 0}>
        <Text fw={600}>{t('scores.title')}</Text>
        {scores && (
          <Text size="xs" c="dimmed">
            {t('scores.computed', { at: fmt.dateTime(scores.computedAt) })}
          </Text>
        )}
      </Group>
      {!scores ? (
        <Text size="sm" c="dimmed" data-testid="customer-scores-empty">
          {t('scores.empty')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md" verticalSpacing="sm">
          <Fact
            label={t('scores.grade')}
            testId="scores-grade"
            value={
              <Badge color={GRADE_COLORS[scores.valueGrade]} variant="filled" tt="none">
                {scores.valueGradeLabel[lang]}
              </Badge>
            }
          />
          <Fact
            label={t('scores.segment')}
            testId="scores-segment"
            hint={t('scores.rfm', scores.rfm)}
            value={scores.rfm.segmentLabel[lang]}
          />
          <Fact
            label={t('scores.pAlive')}
            hint={t('scores.pAliveHint')}
            value={`${fmt.number(Math.round(scores.pAlive * 100))}%`}
          />
          <Fact
            label={t('scores.churnRisk')}
            value={
              <Badge color={RISK_COLORS[scores.churnRisk]} variant="light" tt="none">
                {scores.churnRiskLabel[lang]}
              </Badge>
            }
          />
          <Fact label={t('scores.clv12')} testId="scores-clv" value={fmt.money(scores.clv12mSatang)} />
          <Fact label={t('scores.expected90')} value={scores.expectedPurchases90d.toFixed(2)} />
          <Fact label={t('scores.totalSpend')} value={fmt.money(scores.totalSpendSatang)} />
          <Fact
            label={t('scores.purchases')}
            value={`${fmt.date(scores.firstPurchaseOn)} / ${fmt.date(scores.lastPurchaseOn)}`}
          />
        </SimpleGrid>
      )}
      {scores?.purchasePeriods === 1 && (
        <Text size="xs" c="dimmed" mt="sm" data-testid="scores-one-purchase">
          <IconInfoCircle size={14} style={{ verticalAlign: 'text-bottom', marginRight: 4 }} />
          {t('scores.onePurchaseNote')} {t('scores.onePurchaseWhy')}
        </Text>
      )}
    </Paper>
  );
}
