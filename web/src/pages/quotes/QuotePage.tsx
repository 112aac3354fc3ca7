import { Alert, Anchor, Badge, Button, Grid, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconDownload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useSession } from '../../auth/session-context.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useFormatters } from '../../format/use-formatters.ts';
import { QuoteTotals } from './QuoteTotals.tsx';
import { quoteApi, quoteKeys, STATUS_COLOR } from './quotes-api.ts';
import { RejectQuoteModal } from './RejectQuoteModal.tsx';

/** One quote: status and its next steps, lines and totals, and the PDF to preview or download. */
export function QuotePage() {
  const { t } = useTranslation('quotes');
  const fmt = useFormatters();
  const { can } = useSession();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const quote = useQuery({ queryKey: [...quoteKeys.all, 'one', id], queryFn: () => quoteApi.get(id) });
  const done = () => {
    void queryClient.invalidateQueries({ queryKey: quoteKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['orders'] });
  };
  const step = useMutation({ mutationFn: (s: 'send' | 'accept') => quoteApi.step(id, s), onSuccess: done });
  const reject = useMutation({
    mutationFn: (reason: string) => quoteApi.reject(id, reason),
    onSuccess: () => {
      setRejecting(false);
      done();
    },
  });
  const q = quote.data;
  const editable = can('sales', 'update');
  // The preview reloads after every change of the quote (status stamp, lines): keyed by updatedAt.
  const pdfSrc = q ? `${quoteApi.pdfUrl(q.id)}#${encodeURIComponent(q.updatedAt)}` : '';

  return (
    <Stack>
      <Anchor component={Link} to="/sales/quotes" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('detail.back')}
        </Group>
      </Anchor>
      <ProblemAlert error={quote.error ?? step.error ?? reject.error} />
      {q && (
        <>
          <Group justify="space-between" align="flex-start" data-testid="quote-header">
            <Stack gap={2}>
              <Group gap="sm">
                <Title order={2} ff="monospace">
                  {q.number}
                </Title>
                <Badge color={STATUS_COLOR[q.status]} size="lg" variant="light" data-testid="quote-status">
                  {t(`statuses.${q.status}`)}
                </Badge>
              </Group>
              <Anchor component={Link} to={`/customers/${q.customerId}`}>
                {q.customerName}
              </Anchor>
              <Text size="sm" c="dimmed">
                {t('detail.issued', { date: fmt.date(q.issuedOn) })} ·{' '}
                {t('detail.validUntil', { date: fmt.date(q.validUntil) })}
                {q.ownerName ? ` · ${t('detail.owner')}: ${q.ownerName}` : ''}
              </Text>
            </Stack>
            <Group gap="xs">
              {editable && q.status === 'draft' && (
                <Button variant="default" component={Link} to={`/sales/quotes/${q.id}/edit`}>
                  {t('detail.edit')}
                </Button>
              )}
              {editable && q.status === 'draft' && (
                <Button onClick={() => step.mutate('send')} loading={step.isPending}>
                  {t('detail.send')}
                </Button>
              )}
              {editable && q.status === 'sent' && (
                <Button color="green" onClick={() => step.mutate('accept')} loading={step.isPending}>
                  {t('detail.accept')}
                </Button>
              )}
              {editable && q.status === 'sent' && (
                <Button color="red" variant="light" onClick={() => setRejecting(true)}>
                  {t('detail.reject')}
                </Button>
              )}
              <Button
                variant="light"
                component="a"
                href={quoteApi.pdfUrl(q.id, true)}
                download={`${q.number}.pdf`}
                leftSection={<IconDownload size={16} />}
              >
                {t('detail.download')}
              </Button>
            </Group>
          </Group>
          {q.orderId && (
            <Alert color="green" variant="light" title={t('detail.order')} data-testid="quote-order">
              <Anchor component={Link} to={`/sales/orders?order=${q.orderId}`}>
                {t('detail.openOrder')}
              </Anchor>
            </Alert>
          )}
          {q.status === 'rejected' && q.rejectedReason && (
            <Alert color="red" variant="light">
              {t('detail.rejectedBecause', { reason: q.rejectedReason })}
            </Alert>
          )}
          <Grid>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <Paper withBorder radius="md" p="md">
                <Text fw={600} mb="xs">
                  {t('detail.lines')}
                </Text>
                <Table verticalSpacing="xs">
                  <Table.Tbody>
                    {q.lines.map((l) => (
                      <Table.Tr key={l.lineNo}>
                        <Table.Td>
                          <Text size="sm">{(q.language === 'en' && l.descriptionEn) || l.descriptionTh}</Text>
                          <Text size="xs" c="dimmed">
                            {l.quantity} × {fmt.money(l.unitPriceSatang, q.currency)}
                            {l.discountSatang ? ` − ${fmt.money(l.discountSatang, q.currency)}` : ''}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right">
                          {fmt.money(l.unitPriceSatang * l.quantity - l.discountSatang, q.currency)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                <Group justify="flex-end" mt="md">
                  <QuoteTotals totals={q} currency={q.currency} />
                </Group>
                {q.notes && (
                  <Text size="sm" mt="md">
                    <b>{t('detail.notes')}:</b> {q.notes}
                  </Text>
                )}
                {q.terms && (
                  <Text size="sm" mt="xs">
                    <b>{t('detail.terms')}:</b> {q.terms}
                  </Text>
                )}
              </Paper>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <Paper withBorder radius="md" p={0} style={{ overflow: 'hidden' }}>
                <iframe
                  key={pdfSrc}
                  title={t('detail.pdf')}
                  src={pdfSrc}
                  data-testid="quote-pdf"
                  style={{ width: '100%', height: 820, border: 0, display: 'block' }}
                />
              </Paper>
            </Grid.Col>
          </Grid>
          {rejecting && (
            <RejectQuoteModal
              number={q.number}
              busy={reject.isPending}
              onReject={(reason) => reject.mutate(reason)}
              onClose={() => setRejecting(false)}
            />
          )}
        </>
      )}
    </Stack>
  );
}
