import {
  ActionIcon,
  Badge,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Switch,
  Table,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usersApi } from '../../api/endpoints.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TeamSelect } from '../../components/TeamSelect.tsx';
import { useTeamsQuery } from '../../queries/teams.ts';
import { ASSIGNMENT_KINDS, type AssignmentRule, LEAD_SOURCES, leadKeys, leadSetupApi } from './leads-api.ts';

type Kind = AssignmentRule['kind'];

/** Assignment rules in order, with an inline form to add one; managers change them, others read. */
export function AssignmentRulesPanel({ manage }: { manage: boolean }) {
  const { t } = useTranslation('leads');
  const queryClient = useQueryClient();
  const rules = useQuery({ queryKey: [...leadKeys.setup, 'assignment'], queryFn: leadSetupApi.assignmentRules });
  const users = useQuery({ queryKey: ['users', 'all'], queryFn: () => usersApi.list({ limit: 200 }) });
  const teams = useTeamsQuery();
  const userName = new Map((users.data?.items ?? []).map((u) => [u.id, u.name]));
  const teamName = new Map((teams.data?.items ?? []).map((x) => [x.id, x.name]));
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Kind>('round_robin');
  const [provinces, setProvinces] = useState<string[]>([]);
  const [sources, setSources] = useState<string[]>([]);
  const [userIds, setUserIds] = useState<string[]>([]);
  const [teamId, setTeamId] = useState<string | null>(null);
  const [position, setPosition] = useState<number>(0);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: [...leadKeys.setup, 'assignment'] });
  const create = useMutation({
    mutationFn: () =>
      leadSetupApi.createAssignmentRule({
        name: name.trim(),
        kind,
        position,
        userIds,
        teamId,
        ...(kind === 'territory' ? { provinces } : {}),
        ...(kind === 'source' ? { sources } : {}),
      }),
    onSuccess: () => {
      setName('');
      setProvinces([]);
      setSources([]);
      setUserIds([]);
      setTeamId(null);
      refresh();
    },
  });
  const toggle = useMutation({
    mutationFn: (r: AssignmentRule) => leadSetupApi.updateAssignmentRule(r.id, { active: !r.active }),
    onSuccess: refresh,
  });
  const remove = useMutation({ mutationFn: leadSetupApi.deleteAssignmentRule, onSuccess: refresh });
  const matches = (r: AssignmentRule) =>
    r.kind === 'territory'
      ? r.provinces.join(', ')
      : r.kind === 'source'
        ? r.sources.map((s) => t(`lead.sources.${s as 'form'}`)).join(', ')
        : t('setup.everyLead');
  const targets = (r: AssignmentRule) =>
    r.userIds.length
      ? r.userIds.map((id) => userName.get(id) ?? '?').join(', ')
      : (teamName.get(r.teamId ?? '') ?? '—');

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('setup.assignmentHint')}
      </Text>
      <ProblemAlert error={rules.error ?? create.error ?? toggle.error ?? remove.error} />
      <Table verticalSpacing="xs" data-testid="assignment-rules">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('setup.position')}</Table.Th>
            <Table.Th>{t('setup.name')}</Table.Th>
            <Table.Th>{t('setup.kind')}</Table.Th>
            <Table.Th>{t('setup.matches')}</Table.Th>
            <Table.Th>{t('setup.users')}</Table.Th>
            <Table.Th ta="right">{t('setup.turns')}</Table.Th>
            <Table.Th>{t('setup.active')}</Table.Th>
            {manage && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(rules.data ?? []).length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={8}>
                <Text size="sm" c="dimmed">
                  {t('setup.noRules')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {(rules.data ?? []).map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{r.position}</Table.Td>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td>
                <Badge variant="light">{t(`setup.assignmentKinds.${r.kind}`)}</Badge>
              </Table.Td>
              <Table.Td>{matches(r)}</Table.Td>
              <Table.Td>{targets(r)}</Table.Td>
              <Table.Td ta="right">{r.turn}</Table.Td>
              <Table.Td>
                <Switch
                  checked={r.active}
                  disabled={!manage}
                  onChange={() => toggle.mutate(r)}
                  aria-label={t('setup.active')}
                />
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
            <NumberInput
              label={t('setup.position')}
              value={position}
              onChange={(v) => setPosition(Number(v) || 0)}
              min={0}
              w={80}
            />
            <TextInput
              label={t('setup.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
              w={200}
              name="ruleName"
            />
            <Select
              label={t('setup.kind')}
              data={ASSIGNMENT_KINDS.map((k) => ({ value: k, label: t(`setup.assignmentKinds.${k}`) }))}
              value={kind}
              onChange={(v) => v && setKind(v as Kind)}
              allowDeselect={false}
              w={190}
              data-testid="assignment-kind"
            />
            {kind === 'territory' && (
              <TagsInput
                label={t('setup.provinces')}
                placeholder={t('setup.provincesHint')}
                value={provinces}
                onChange={setProvinces}
                w={240}
              />
            )}
            {kind === 'source' && (
              <MultiSelect
                label={t('setup.sources')}
                data={LEAD_SOURCES.map((s) => ({ value: s, label: t(`lead.sources.${s}`) }))}
                value={sources}
                onChange={setSources}
                w={240}
              />
            )}
            <MultiSelect
              label={t('setup.users')}
              data={(users.data?.items ?? [])
                .filter((u) => u.status === 'active')
                .map((u) => ({ value: u.id, label: u.name }))}
              value={userIds}
              onChange={setUserIds}
              searchable
              w={260}
              data-testid="assignment-users"
            />
            <TeamSelect label={t('setup.team')} value={teamId} onChange={setTeamId} w={180} />
            <Button type="submit" disabled={!name.trim()} loading={create.isPending}>
              {t('setup.add')}
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}
