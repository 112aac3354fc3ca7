import {
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { customerKeys } from '../../queries/customers.ts';
import { customerApi } from '../../queries/customers-api.ts';
import { type ActivityInput, CALL_OUTCOMES, LOGGABLE_KINDS, type LoggableKind } from '../../queries/customers-types.ts';
import { fieldErrorsOf } from '../customers/field-errors.ts';

function isLoggable(value: string): value is LoggableKind {
  return (LOGGABLE_KINDS as readonly string[]).includes(value);
}

/** Logs a note, a call or a meeting on the customer's timeline. */
export function LogActivityForm({ customerId }: { customerId: string }) {
  const { t } = useTranslation('profile');
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<LoggableKind>('note');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [direction, setDirection] = useState<string | null>('outbound');
  const [outcome, setOutcome] = useState<string | null>(null);
  const [minutes, setMinutes] = useState<number | ''>('');

  const log = useMutation({
    mutationFn: () => {
      const input: ActivityInput = { kind };
      if (subject.trim()) input.subject = subject.trim();
      if (body.trim()) input.body = body.trim();
      if (kind === 'call') {
        if (direction) input.direction = direction;
        if (outcome) input.outcome = outcome;
      }
      if (kind !== 'note' && minutes !== '') input.durationMinutes = minutes;
      return customerApi.logActivity(customerId, input);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: customerKeys.one(customerId) });
      notifications.show({ color: 'teal', message: t('timeline.logged') });
      setSubject('');
      setBody('');
      setOutcome(null);
      setMinutes('');
      log.reset();
    },
  });
  const errors = fieldErrorsOf(log.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    log.mutate();
  }

  return (
    <Paper withBorder radius="md" p="sm" bg="var(--mantine-color-gray-0)">
      <form onSubmit={submit} noValidate data-testid="log-activity">
        <Stack gap="xs">
          <SegmentedControl
            value={kind}
            onChange={(value) => isLoggable(value) && setKind(value)}
            data={LOGGABLE_KINDS.map((k) => ({ value: k, label: t(`timeline.kinds.${k}`) }))}
            w="fit-content"
          />
          <ProblemAlert error={Object.keys(errors).length > 0 ? null : log.error} />
          <TextInput
            name="subject"
            placeholder={t('timeline.subject')}
            aria-label={t('timeline.subject')}
            value={subject}
            error={errors.subject}
            onChange={(e) => setSubject(e.currentTarget.value)}
          />
          <Textarea
            name="body"
            placeholder={t('timeline.body')}
            aria-label={t('timeline.body')}
            autosize
            minRows={2}
            maxRows={8}
            value={body}
            error={errors.body}
            onChange={(e) => setBody(e.currentTarget.value)}
          />
          {kind !== 'note' && (
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {kind === 'call' && (
                <Select
                  label={t('timeline.direction')}
                  data={['outbound', 'inbound'].map((d) => ({
                    value: d,
                    label: t(`timeline.directions.${d}` as 'timeline.directions.inbound'),
                  }))}
                  value={direction}
                  error={errors.direction}
                  onChange={setDirection}
                />
              )}
              {kind === 'call' && (
                <Select
                  label={t('timeline.outcome')}
                  data={CALL_OUTCOMES.map((o) => ({ value: o, label: t(`timeline.outcomes.${o}`) }))}
                  value={outcome}
                  error={errors.outcome}
                  onChange={setOutcome}
                  clearable
                />
              )}
              <NumberInput
                label={t('timeline.durationMinutes')}
                min={0}
                max={1440}
                value={minutes}
                error={errors.durationMinutes}
                onChange={(v) => setMinutes(typeof v === 'number' ? v : '')}
              />
            </SimpleGrid>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={log.isPending} disabled={!subject.trim() && !body.trim()}>
              {t('timeline.log')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
