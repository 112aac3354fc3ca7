import { Alert, Anchor, Button, Group, Loader, Modal, Radio, Stack, Table, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueries, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usersApi } from '../../../api/endpoints.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { type CustomerRecord, dedupeApi } from '../../../queries/dataops-api.ts';
import type { MergeResult } from '../../../queries/dataops-types.ts';
import { comparedFields, defaultChoices, hasValue, showValue, UNION_FIELDS } from './compare-fields.ts';
import { useChoiceLabel } from './use-choice-label.ts';

/** Side-by-side compare of two or more profiles: pick the one that stays and the value kept for each field. */
export function MergeModal({
  customerIds,
  onMerged,
  onClose,
}: {
  customerIds: string[];
  onMerged: (merge: MergeResult) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('dataops');
  const choiceValue = useChoiceLabel();
  const loaded = useQueries({
    queries: customerIds.map((customerId) => ({
      queryKey: ['customers', 'one', customerId],
      queryFn: () => dedupeApi.customer(customerId),
    })),
  });
  // Owners are shown by name: the customer view holds only their id.
  const users = useQuery({ queryKey: ['users', 'names'], queryFn: () => usersApi.list({ limit: 200 }) });
  const names = new Map((users.data?.items ?? []).map((user) => [user.id, user.name]));
  const records = loaded
    .map((query) => query.data)
    .filter((record): record is CustomerRecord => Boolean(record))
    .map((record) =>
      typeof record.ownerId === 'string' && names.has(record.ownerId)
        ? { ...record, ownerName: names.get(record.ownerId) }
        : record,
    );
  const ready = records.length === customerIds.length;
  const loadError = loaded.find((query) => query.error)?.error ?? null;
  const [survivorId, setSurvivorId] = useState(customerIds[0] ?? '');
  const [choices, setChoices] = useState<Record<string, string>>({});

  // Re-derive the defaults whenever the survivor changes or the profiles arrive.
  const recordKey = records.map((record) => record.id).join(',');
  useEffect(() => {
    if (ready) setChoices(defaultChoices(records, survivorId));
  }, [ready, recordKey, survivorId]);

  const fields = ready ? comparedFields(records) : [];
  const merge = useMutation({
    mutationFn: () =>
      dedupeApi.merge({
        survivorId,
        mergedIds: customerIds.filter((customerId) => customerId !== survivorId),
        fieldChoices: Object.fromEntries(
          fields.filter((one) => one.differs && choices[one.field]).map((one) => [one.field, choices[one.field] ?? '']),
        ),
      }),
    onSuccess: onMerged,
  });

  return (
    <Modal opened onClose={onClose} title={t('duplicates.merge.title')} size="xl">
      {!ready && !loadError && <Loader size="sm" />}
      <ProblemAlert error={loadError} />
      {ready && (
        <Stack>
          <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />}>
            {t('duplicates.merge.hint')}
          </Alert>
          <Table.ScrollContainer minWidth={160 + 200 * records.length}>
            <Table verticalSpacing="xs" withColumnBorders data-testid="merge-compare">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={160}>{t('duplicates.merge.field')}</Table.Th>
                  {records.map((record) => (
                    <Table.Th key={record.id}>
                      <Stack gap={4}>
                        <Anchor component={Link} to={`/customers/${record.id}`} target="_blank" size="sm" fw={600}>
                          {record.displayName}
                        </Anchor>
                        <Radio
                          size="xs"
                          checked={survivorId === record.id}
                          onChange={() => setSurvivorId(record.id)}
                          label={t('duplicates.merge.keep')}
                          name="survivor"
                          data-testid={`merge-survivor-${record.id}`}
                        />
                      </Stack>
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {fields.map(({ field, differs }) => (
                  <Table.Tr key={field} data-field={field}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {t(`compare.${field}`)}
                      </Text>
                    </Table.Td>
                    {records.map((record) => (
                      <Table.Td key={record.id} bg={choices[field] === record.id && differs ? 'teal.0' : undefined}>
                        {differs && choiceValue(record, field) !== '' ? (
                          <Radio
                            size="xs"
                            name={`field-${field}`}
                            checked={choices[field] === record.id}
                            onChange={() => setChoices((current) => ({ ...current, [field]: record.id }))}
                            label={choiceValue(record, field)}
                          />
                        ) : (
                          <Text size="sm" c={choiceValue(record, field) ? undefined : 'dimmed'}>
                            {choiceValue(record, field) || '—'}
                          </Text>
                        )}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
                {UNION_FIELDS.filter((field) => records.some((record) => hasValue(record[field]))).map((field) => (
                  <Table.Tr key={field}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {t(`compare.${field}`)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('duplicates.merge.union')}
                      </Text>
                    </Table.Td>
                    {records.map((record) => (
                      <Table.Td key={record.id}>
                        <Text size="sm">{showValue(record[field]) || '—'}</Text>
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="sm" c="dimmed">
            {t('duplicates.merge.moves')}
          </Text>
          <ProblemAlert error={merge.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button color="orange" loading={merge.isPending} onClick={() => merge.mutate()} data-testid="merge-confirm">
              {t('duplicates.merge.confirm', { count: records.length })}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
