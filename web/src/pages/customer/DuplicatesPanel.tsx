import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowsJoin, IconCopy, IconX } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useSession } from '../../auth/session-context.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatPhone } from '../../format/phone.ts';
import { dedupeApi } from '../../queries/dataops-api.ts';
import { MergeModal } from '../dataops/duplicates/MergeModal.tsx';
import { reasonText } from '../dataops/duplicates/reason-text.ts';

function scoreColor(score: number): string {
  if (score >= 85) return 'red';
  if (score >= 65) return 'orange';
  return 'yellow';
}

/**
 * Profiles that are likely the same customer as this one, best first, each with its score
 * and reasons; "Compare and merge" opens the side-by-side merge screen. Shown only when
 * there is something to look at.
 */
export function DuplicatesPanel({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation('lists');
  const { can } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [comparing, setComparing] = useState<string | null>(null);
  const key = ['customers', 'one', customerId, 'duplicates'];
  const duplicates = useQuery({ queryKey: key, queryFn: () => dedupeApi.list({ customerId, limit: 10 }) });
  const dismiss = useMutation({
    mutationFn: (otherId: string) => dedupeApi.dismiss([customerId, otherId]),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('duplicates.dismissed') });
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const canMerge = can('customers', 'update') && can('customers', 'delete');
  const items = duplicates.data?.items ?? [];
  if (items.length === 0 && !duplicates.error) return null;

  return (
    <Paper withBorder radius="md" p="md" mt="md" data-testid="profile-duplicates">
      <Group gap="xs" mb="xs">
        <IconCopy size={18} />
        <Text fw={600}>{t('duplicates.title', { count: items.length })}</Text>
      </Group>
      <ProblemAlert error={duplicates.error ?? dismiss.error} />
      <Stack gap="xs">
        {items.map((pair) => {
          const other = pair.customers.find((c) => c.id !== customerId) ?? pair.customers[1];
          if (!other) return null;
          const score = Math.round(pair.score);
          const contact = ['phone', 'email', 'lineId']
            .map((f) => other[f])
            .filter((v): v is string => typeof v === 'string' && v !== '')
            .map((v, i) => (i === 0 && /^\+?\d/.test(v) ? formatPhone(v) : v))
            .join(' · ');
          return (
            <Group
              key={other.id}
              justify="space-between"
              wrap="wrap"
              gap="xs"
              p="xs"
              style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
              data-testid="profile-duplicate"
            >
              <Stack gap={2} style={{ flex: '1 1 320px' }}>
                <Group gap="xs">
                  <Anchor component={Link} to={`/customers/${other.id}`} fw={500} size="sm">
                    {other.displayName}
                  </Anchor>
                  <Badge color={scoreColor(score)} variant="light" size="sm">
                    {t('duplicates.score', { score })}
                  </Badge>
                </Group>
                {contact && (
                  <Text size="xs" c="dimmed">
                    {contact}
                  </Text>
                )}
                <Text size="xs">{pair.reasons.map((r) => reasonText(r, i18n.language)).join(' · ')}</Text>
              </Stack>
              <Group gap="xs">
                {canMerge && (
                  <Button
                    size="xs"
                    leftSection={<IconArrowsJoin size={14} />}
                    onClick={() => setComparing(other.id)}
                    data-testid="profile-duplicate-merge"
                  >
                    {t('duplicates.compare')}
                  </Button>
                )}
                {can('customers', 'update') && (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="gray"
                    leftSection={<IconX size={14} />}
                    loading={dismiss.isPending && dismiss.variables === other.id}
                    onClick={() => dismiss.mutate(other.id)}
                  >
                    {t('duplicates.dismiss')}
                  </Button>
                )}
              </Group>
            </Group>
          );
        })}
      </Stack>
      {comparing && (
        <MergeModal
          customerIds={[customerId, comparing]}
          onClose={() => setComparing(null)}
          onMerged={(merge) => {
            setComparing(null);
            notifications.show({
              color: 'teal',
              message: t('duplicates.merged', { name: merge.survivor.displayName }),
            });
            void queryClient.invalidateQueries({ queryKey: ['customers'] });
            if (merge.survivor.id !== customerId) navigate(`/customers/${merge.survivor.id}`);
          }}
        />
      )}
    </Paper>
  );
}
