import { Alert, Button, Code, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useFormatters } from '../../format/use-formatters.ts';
import { type LeadForm, leadKeys, leadSetupApi } from './leads-api.ts';

/** Web forms: each has a secret key shown once; its address takes JSON posts and makes leads. */
export function LeadFormsPanel() {
  const { t } = useTranslation('leads');
  const fmt = useFormatters();
  const queryClient = useQueryClient();
  const forms = useQuery({ queryKey: [...leadKeys.setup, 'forms'], queryFn: leadSetupApi.forms });
  const [name, setName] = useState('');
  const [created, setCreated] = useState<LeadForm | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: [...leadKeys.setup, 'forms'] });
  const create = useMutation({
    mutationFn: () => leadSetupApi.createForm(name.trim()),
    onSuccess: (form) => {
      setCreated(form);
      setName('');
      refresh();
    },
  });
  const toggle = useMutation({
    mutationFn: (f: LeadForm) => leadSetupApi.setFormActive(f.id, !f.active),
    onSuccess: refresh,
  });
  return (
    <Stack>
      <ProblemAlert error={forms.error ?? create.error ?? toggle.error} />
      {created?.postPath && (
        <Alert color="yellow" title={t('setup.formKeyOnce')}>
          <Text size="sm">{t('setup.formPost')}</Text>
          <Code block>{`${window.location.origin}${created.postPath}`}</Code>
        </Alert>
      )}
      <Table verticalSpacing="xs">
        <Table.Tbody>
          {(forms.data ?? []).map((f) => (
            <Table.Tr key={f.id}>
              <Table.Td>{f.name}</Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {t('setup.keyEnds', { hint: f.keyHint })}
                </Text>
              </Table.Td>
              <Table.Td>{fmt.date(f.createdAt)}</Table.Td>
              <Table.Td ta="right">
                <Button size="xs" variant="subtle" color={f.active ? 'red' : 'teal'} onClick={() => toggle.mutate(f)}>
                  {f.active ? t('setup.formOff') : t('setup.formOn')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) create.mutate();
        }}
      >
        <Group align="flex-end" gap="xs">
          <TextInput
            label={t('setup.formName')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            w={260}
          />
          <Button type="submit" disabled={!name.trim()} loading={create.isPending}>
            {t('setup.add')}
          </Button>
        </Group>
      </form>
    </Stack>
  );
}
