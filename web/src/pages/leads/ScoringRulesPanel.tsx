import {
  ActionIcon,
  Badge,
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import {
  FIT_FIELDS,
  FIT_OPERATORS,
  LEAD_EVENT_KINDS,
  leadKeys,
  leadSetupApi,
  type ScoringRule,
  type ScoringRuleInput,
} from './leads-api.ts';

/** Scoring rules (profile fit and behaviour with half-life), with an inline form to add one. */
export function ScoringRulesPanel({ manage }: { manage: boolean }) {
  const { t } = useTranslation('leads');
  const queryClient = useQueryClient();
  const rules = useQuery({ queryKey: [...leadKeys.setup, 'scoring'], queryFn: leadSetupApi.scoringRules });
  const [kind, setKind] = useState<'fit' | 'behaviour'>('behaviour');
  const [name, setName] = useState('');
  const [points, setPoints] = useState<number>(10);
  const [field, setField] = useState<string>('province');
  const [operator, setOperator] = useState<string>('equals');
  const [values, setValues] = useState<string[]>([]);
  const [eventKind, setEventKind] = useState<string>('email_click');
  const [halfLife, setHalfLife] = useState<number | ''>(14);
  const [maxEvents, setMaxEvents] = useState<number>(5);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: leadKeys.all });
  const create = useMutation({
    mutationFn: () => {
      const input: ScoringRuleInput =
        kind === 'fit'
          ? { kind, name: name.trim(), points, field, operator, values: operator === 'present' ? [] : values }
          : { kind, name: name.trim(), points, eventKind, halfLifeDays: halfLife === '' ? null : halfLife, maxEvents };
      return leadSetupApi.createScoringRule(input);
    },
    onSuccess: () => {
      setName('');
      setValues([]);
      refresh();
    },
  });
  const remove = useMutation({ mutationFn: leadSetupApi.deleteScoringRule, onSuccess: refresh });
  const describe = (r: ScoringRule) =>
    r.kind === 'fit'
      ? `${t(`setup.fitFields.${r.field as 'province'}`)} ${t(`setup.operators.${r.operator as 'equals'}`)} ${r.values.join(', ')}`
      : `${t(`drawer.eventKinds.${r.eventKind as 'visit'}`)} · ${t('setup.halfLife')}: ${r.halfLifeDays ?? '∞'} · ${t('setup.maxEvents')}: ${r.maxEvents}`;

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('setup.scoringHint')}
      </Text>
      <ProblemAlert error={rules.error ?? create.error ?? remove.error} />
      <Table verticalSpacing="xs" data-testid="scoring-rules">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('setup.name')}</Table.Th>
            <Table.Th>{t('setup.kind')}</Table.Th>
            <Table.Th>{t('setup.rule')}</Table.Th>
            <Table.Th ta="right">{t('setup.points')}</Table.Th>
            {manage && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(rules.data ?? []).length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={5}>
                <Text size="sm" c="dimmed">
                  {t('setup.noRules')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {(rules.data ?? []).map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={r.kind === 'fit' ? 'blue' : 'orange'}>
                  {t(`setup.ruleKinds.${r.kind}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{describe(r)}</Table.Td>
              <Table.Td ta="right">
                {r.points > 0 ? '+' : ''}
                {r.points}
              </Table.Td>
              {manage && (
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() => remove.mutate(r.id)}
                    aria-label={t('setup.delete')}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {manage && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <Group align="flex-end" wrap="wrap" gap="xs">
            <Select
              label={t('setup.kind')}
              data={(['fit', 'behaviour'] as const).map((k) => ({ value: k, label: t(`setup.ruleKinds.${k}`) }))}
              value={kind}
              onChange={(v) => v && setKind(v as 'fit' | 'behaviour')}
              allowDeselect={false}
              w={200}
              data-testid="scoring-kind"
            />
            <TextInput
              label={t('setup.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
              w={180}
              name="scoringName"
            />
            {kind === 'fit' ? (
              <>
                <Select
                  label={t('setup.field')}
                  data={FIT_FIELDS.map((f) => ({ value: f, label: t(`setup.fitFields.${f}`) }))}
                  value={field}
                  onChange={(v) => v && setField(v)}
                  allowDeselect={false}
                  w={150}
                />
                <Select
                  label={t('setup.operator')}
                  data={FIT_OPERATORS.map((o) => ({ value: o, label: t(`setup.operators.${o}`) }))}
                  value={operator}
                  onChange={(v) => v && setOperator(v)}
                  allowDeselect={false}
                  w={160}
                />
                {operator !== 'present' && (
                  <TagsInput
                    label={t('setup.values')}
                    value={values}
                    onChange={setValues}
                    w={220}
                    data-testid="scoring-values"
                  />
                )}
              </>
            ) : (
              <>
                <Select
                  label={t('setup.eventKind')}
                  data={LEAD_EVENT_KINDS.map((k) => ({ value: k, label: t(`drawer.eventKinds.${k}`) }))}
                  value={eventKind}
                  onChange={(v) => v && setEventKind(v)}
                  allowDeselect={false}
                  w={190}
                  data-testid="scoring-event"
                />
                <NumberInput
                  label={t('setup.halfLife')}
                  value={halfLife}
                  onChange={(v) => setHalfLife(typeof v === 'number' ? v : '')}
                  min={1}
                  w={130}
                />
                <NumberInput
                  label={t('setup.maxEvents')}
                  value={maxEvents}
                  onChange={(v) => setMaxEvents(Number(v) || 1)}
                  min={1}
                  max={100}
                  w={110}
                />
              </>
            )}
            <NumberInput
              label={t('setup.points')}
              value={points}
              onChange={(v) => setPoints(Number(v) || 0)}
              min={-100}
              max={100}
              w={100}
              name="points"
            />
            <Button type="submit" disabled={!name.trim()} loading={create.isPending} data-testid="scoring-add">
              {t('setup.add')}
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}
