import { Button, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { parseBaht } from '../../format/baht-input.ts';
import { useFormatters } from '../../format/use-formatters.ts';
import { orderApi, salesKeys } from '../../queries/sales-api.ts';
import type { Order } from '../../queries/sales-types.ts';

/** Gives money back, with any goods that came back per line; the server checks the limits. */
export function RefundModal({ order, onClose }: { order: Order; onClose: () => void }) {
  const { t } = useTranslation('sales');
  const fmt = useFormatters();
  const queryClient = useQueryClient();
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [returned, setReturned] = useState<Record<number, number>>({});
  const satang = parseBaht(amount);
  const refund = useMutation({
    mutationFn: () =>
      orderApi.refund(order.id, {
        amountSatang: satang ?? 0,
        reason: reason.trim(),
        returnedLines: Object.entries(returned)
          .filter(([, q]) => q > 0)
          .map(([lineNo, quantity]) => ({ lineNo: Number(lineNo), quantity })),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: salesKeys.orders });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('orders.refund')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          refund.mutate();
        }}
      >
        <Stack>
          <ProblemAlert error={refund.error} />
          <TextInput
            label={t('orders.refundAmount')}
            description={t('orders.refundable', {
              amount: fmt.money(order.paidSatang - order.refundedSatang, order.currency),
            })}
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
            error={amount !== '' && satang === null ? t('products.badPrice') : undefined}
            inputMode="decimal"
            required
          />
          <TextInput
            label={t('orders.refundReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
          />
          <Text size="sm" fw={500}>
            {t('orders.returned')}
          </Text>
          {order.lines.map((line) => (
            <NumberInput
              key={line.lineNo}
              label={`${line.lineNo}. ${line.name}`}
              min={0}
              max={line.quantity}
              value={returned[line.lineNo] ?? 0}
              onChange={(v) => setReturned((r) => ({ ...r, [line.lineNo]: Number(v) || 0 }))}
            />
          ))}
          <Group justify="flex-end">
            <Button type="submit" color="red" loading={refund.isPending} disabled={!satang || !reason.trim()}>
              {t('orders.refund')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
