import { ActionIcon, Alert, Button, Card, Group, Table, Text, TextInput, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiRequest } from '../../api/client.ts';
import { useSession } from '../../auth/session-context.ts';
import { parseBaht } from '../../format/baht-input.ts';
import { useFormatters } from '../../format/use-formatters.ts';

interface Spend {
  id: string;
  month: string;
  currency: string;
  channel: string;
  amountSatang: number;
}

/** Marketing spend per month (the input of CAC): the list for whole-book readers, the form for marketing. */
export function MarketingSpendCard({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation('analytics');
  const fmt = useFormatters();
  const { can } = useSession();
  const client = useQueryClient();
  const [month, setMonth] = useState(to);
  const [amount, setAmount] = useState('');
  const [channel, setChannel] = useState('');
  const list = useQuery({
    queryKey: ['analytics', 'spend', from, to],
    queryFn: () => apiRequest<{ items: Spend[] }>('GET', '/api/v1/analytics/marketing-spend', { query: { from, to } }),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['analytics'] });
  const add = useMutation({
    mutationFn: () =>
      apiRequest('POST', '/api/v1/analytics/marketing-spend', {
        body: { month, amountSatang: parseBaht(amount) ?? -1, ...(channel.trim() ? { channel: channel.trim() } : {}) },
      }),
    onSuccess: () => {
      setAmount('');
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => apiRequest('DELETE', `/api/v1/analytics/marketing-spend/${id}`),
    onSuccess: () => void refresh(),
  });
  return (
    <Card withBorder padding="md" data-testid="marketing-spend">
      <Title order={4} mb="xs">
        {t('dashboard.spend.title')}
      </Title>
      {can('marketing', 'create') && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate();
          }}
        >
          <Group align="flex-end" gap="xs" mb="sm">
            <TextInput
              type="month"
              label={t('dashboard.spend.month')}
              value={month}
              onChange={(e) => setMonth(e.currentTarget.value)}
              w={160}
            />
            <TextInput
              label={t('dashboard.spend.amount')}
              value={amount}
              onChange={(e) => setAmount(e.currentTarget.value)}
              w={160}
              inputMode="decimal"
            />
            <TextInput
              label={t('dashboard.spend.channel')}
              value={channel}
              onChange={(e) => setChannel(e.currentTarget.value)}
              w={180}
            />
            <Button type="submit" loading={add.isPending}>
              {t('dashboard.spend.add')}
            </Button>
          </Group>
          {add.error && (
            <Alert color="red" mb="sm">
              {add.error.message}
            </Alert>
          )}
        </form>
      )}
      {list.data?.items.length ? (
        <Table fz="sm">
          <Table.Tbody>
            {list.data.items.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{s.month}</Table.Td>
                <Table.Td>{s.channel || '—'}</Table.Td>
                <Table.Td ta="right">{fmt.money(s.amountSatang, s.currency)}</Table.Td>
                <Table.Td w={40}>
                  {can('marketing', 'delete') && (
                    <ActionIcon variant="subtle" color="red" aria-label="delete" onClick={() => remove.mutate(s.id)}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm" c="dimmed">
          {t('dashboard.spend.empty')}
        </Text>
      )}
    </Card>
  );
}
