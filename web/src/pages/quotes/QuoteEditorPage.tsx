import {
  Alert,
  Button,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { bahtText } from '../../format/baht-input.ts';
import { customerApi } from '../../queries/customers-api.ts';
import type { Product } from '../../queries/sales-types.ts';
import { CustomerPicker } from '../customers/CustomerPicker.tsx';
import { type EditorLine, newLine, QuoteLinesEditor, satangOf } from './QuoteLinesEditor.tsx';
import { QuoteTotals } from './QuoteTotals.tsx';
import { previewTotals } from './quote-preview.ts';
import { type Quote, type QuoteInput, quoteApi, quoteKeys } from './quotes-api.ts';

function linesOf(q: Quote): EditorLine[] {
  return q.lines.map((l) => ({
    ...newLine(l.productId === null),
    productId: l.productId,
    descriptionTh: l.descriptionTh,
    descriptionEn: l.descriptionEn ?? '',
    quantity: l.quantity,
    price: bahtText(l.unitPriceSatang),
    discount: l.discountSatang ? bahtText(l.discountSatang) : '',
    vatMode: l.vatMode,
    vatRateBp: l.vatRateBp,
    typed: true,
  }));
}

/**
 * A new quote (/sales/quotes/new, ?customerId= from a profile) or a draft being changed
 * (/sales/quotes/:id/edit): customer, language, validity, lines with the customer's prices
 * and live totals, notes and terms. Saving opens the quote.
 */
export function QuoteEditorPage() {
  const { t, i18n } = useTranslation('quotes');
  const { id } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const existing = useQuery({
    queryKey: [...quoteKeys.all, 'one', id],
    queryFn: () => quoteApi.get(id as string),
    enabled: Boolean(id),
  });
  const fromProfile = params.get('customerId');
  const dealId = params.get('dealId');
  const [customerId, setCustomerId] = useState<string | null>(fromProfile);
  const profile = useQuery({
    queryKey: ['customers', 'one', fromProfile],
    queryFn: () => customerApi.get(fromProfile as string),
    enabled: Boolean(fromProfile) && !id,
  });
  const [language, setLanguage] = useState<'th' | 'en'>(i18n.language === 'en' ? 'en' : 'th');
  const [validUntil, setValidUntil] = useState('');
  const [notes, setNotes] = useState('');
  const [terms, setTerms] = useState('');
  const [lines, setLines] = useState<EditorLine[]>(() => [newLine()]);
  const loaded = useRef(false);
  const q = existing.data;
  useEffect(() => {
    if (!q || loaded.current) return;
    loaded.current = true;
    setCustomerId(q.customerId);
    setLanguage(q.language);
    setValidUntil(q.validUntil);
    setNotes(q.notes ?? '');
    setTerms(q.terms ?? '');
    setLines(linesOf(q));
  }, [q]);
  const currency = q?.currency ?? 'THB';

  const pickProduct = async (line: EditorLine, product: Product) => {
    const base: EditorLine = {
      ...line,
      descriptionTh: product.nameTh,
      descriptionEn: product.nameEn ?? '',
      vatMode: product.vatMode,
      vatRateBp: product.vatRateBp,
      price: bahtText(product.unitPriceSatang),
      listPrice: false,
      typed: false,
    };
    setLines((all) => all.map((l) => (l.key === line.key ? base : l)));
    if (!customerId) return;
    const price = await quoteApi.price(product.id, customerId, line.quantity).catch(() => null);
    if (price)
      setLines((all) =>
        all.map((l) =>
          l.key === line.key
            ? { ...l, price: bahtText(price.unitPriceSatang), listPrice: price.source === 'price_list' }
            : l,
        ),
      );
  };

  const parsed = lines.map((l) => ({ line: l, price: satangOf(l.price), discount: satangOf(l.discount) }));
  const complete = parsed.every(
    (p) =>
      p.price !== null &&
      p.discount !== null &&
      p.discount <= p.price * p.line.quantity &&
      (p.line.free ? p.line.descriptionTh.trim() !== '' && p.line.price.trim() !== '' : p.line.productId !== null),
  );
  const totals = previewTotals(
    parsed.map((p) => ({
      quantity: p.line.quantity,
      unitPriceSatang: p.price ?? 0,
      discountSatang: p.discount ?? 0,
      vatMode: p.line.vatMode,
      vatRateBp: p.line.vatRateBp,
    })),
  );
  const input = (): QuoteInput => ({
    language,
    ...(validUntil ? { validUntil } : {}),
    notes: notes.trim() || null,
    terms: terms.trim() || null,
    lines: parsed.map(({ line, price, discount }) => ({
      ...(line.free ? { vatMode: line.vatMode } : { productId: line.productId as string }),
      ...(line.descriptionTh.trim() ? { descriptionTh: line.descriptionTh.trim() } : {}),
      ...(line.descriptionEn.trim() ? { descriptionEn: line.descriptionEn.trim() } : {}),
      quantity: line.quantity,
      ...(line.free || line.typed ? { unitPriceSatang: price ?? 0 } : {}),
      discountSatang: discount ?? 0,
    })),
  });
  const save = useMutation({
    mutationFn: () =>
      id
        ? quoteApi.update(id, input())
        : quoteApi.create({ ...input(), customerId: customerId as string, ...(dealId ? { dealId } : {}) }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: quoteKeys.all });
      navigate(`/sales/quotes/${saved.id}`);
    },
  });
  const valid = Boolean(customerId) && lines.length > 0 && complete;

  return (
    <>
      <PageHeader title={q ? t('editor.editTitle', { number: q.number }) : t('editor.newTitle')} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) save.mutate();
        }}
      >
        <Stack>
          <ProblemAlert error={existing.error ?? save.error} />
          <Paper withBorder radius="md" p="md">
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              {q ? (
                <TextInput label={t('editor.customer')} value={q.customerName} readOnly />
              ) : (
                <CustomerPicker
                  label={t('editor.customer')}
                  value={customerId}
                  initialLabel={profile.data?.displayName ?? null}
                  onChange={(v) => setCustomerId(v)}
                  required
                  data-testid="quote-customer"
                />
              )}
              <TextInput
                type="date"
                label={t('editor.validUntil')}
                description={t('editor.validHint')}
                value={validUntil}
                onChange={(e) => setValidUntil(e.currentTarget.value)}
              />
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('editor.language')}
                </Text>
                <SegmentedControl
                  value={language}
                  onChange={(v) => setLanguage(v as 'th' | 'en')}
                  data={[
                    { value: 'th', label: t('editor.languages.th') },
                    { value: 'en', label: t('editor.languages.en') },
                  ]}
                />
              </Stack>
            </SimpleGrid>
          </Paper>
          <Paper withBorder radius="md" p="md">
            <Text fw={600} mb="xs">
              {t('editor.lines')}
            </Text>
            {!customerId && (
              <Alert color="blue" variant="light" mb="sm">
                {t('editor.pickCustomerFirst')}
              </Alert>
            )}
            <QuoteLinesEditor lines={lines} onChange={setLines} onProduct={pickProduct} currency={currency} />
            <Group justify="space-between" align="flex-end" mt="md">
              <Text size="xs" c="dimmed" maw={360}>
                {lines.length ? t('editor.preview') : t('editor.noLines')}
              </Text>
              <QuoteTotals totals={totals} currency={currency} />
            </Group>
          </Paper>
          <Paper withBorder radius="md" p="md">
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Textarea
                label={t('editor.notes')}
                value={notes}
                onChange={(e) => setNotes(e.currentTarget.value)}
                autosize
                minRows={2}
              />
              <Textarea
                label={t('editor.terms')}
                value={terms}
                onChange={(e) => setTerms(e.currentTarget.value)}
                autosize
                minRows={2}
              />
            </SimpleGrid>
          </Paper>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => navigate(id ? `/sales/quotes/${id}` : '/sales/quotes')}>
              {t('editor.cancel')}
            </Button>
            <Button type="submit" disabled={!valid} loading={save.isPending}>
              {t('editor.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
