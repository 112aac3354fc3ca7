import { Anchor, Badge, Button, Group, Paper, RingProgress, Stack, Text } from '@mantine/core';
import { IconArrowsJoin, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DuplicateCandidate } from '../../../queries/dataops-types.ts';
import { reasonText } from './reason-text.ts';

function scoreColor(score: number): string {
  if (score >= 85) return 'red';
  if (score >= 65) return 'orange';
  return 'yellow';
}

function contact(customer: Record<string, unknown>): string {
  return ['phone', 'email', 'lineId']
    .map((key) => customer[key])
    .filter((value): value is string => typeof value === 'string' && value !== '')
    .join(' · ');
}

/** One suspected duplicate pair or group: who, how sure, why, and what can be done. */
export function DuplicateCard({
  candidate,
  canMerge,
  canDismiss,
  dismissing,
  onCompare,
  onDismiss,
}: {
  candidate: DuplicateCandidate;
  canMerge: boolean;
  canDismiss: boolean;
  dismissing: boolean;
  onCompare: () => void;
  onDismiss: () => void;
}) {
  const { t, i18n } = useTranslation('dataops');
  const score = Math.round(candidate.score);
  return (
    <Paper withBorder radius="md" p="md" data-testid="duplicate-card">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Group align="flex-start" wrap="nowrap" gap="md" style={{ minWidth: 0 }}>
          <RingProgress
            size={64}
            thickness={6}
            roundCaps
            sections={[{ value: score, color: scoreColor(score) }]}
            label={
              <Text ta="center" size="sm" fw={700} aria-label={t('duplicates.score')}>
                {score}
              </Text>
            }
          />
          <Stack gap={6} style={{ minWidth: 0 }}>
            {candidate.customers.map((customer) => (
              <Group key={customer.id} gap="xs" wrap="wrap">
                <Anchor component={Link} to={`/customers/${customer.id}`} fw={600} size="sm">
                  {customer.displayName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {contact(customer)}
                </Text>
              </Group>
            ))}
            <Group gap={6} wrap="wrap">
              {candidate.reasons.map((reason) => {
                const text = reasonText(reason, i18n.language);
                return (
                  <Badge key={text} variant="light" color="gray" tt="none" size="sm">
                    {text}
                  </Badge>
                );
              })}
            </Group>
          </Stack>
        </Group>
        <Stack gap="xs" style={{ flexShrink: 0 }}>
          {canMerge && (
            <Button size="xs" leftSection={<IconArrowsJoin size={14} />} onClick={onCompare}>
              {t('duplicates.compare')}
            </Button>
          )}
          {canDismiss && (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconX size={14} />}
              loading={dismissing}
              onClick={onDismiss}
            >
              {t('duplicates.dismiss')}
            </Button>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}
