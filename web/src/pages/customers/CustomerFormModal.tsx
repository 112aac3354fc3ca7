import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session-context.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { customerKeys } from '../../queries/customers.ts';
import { customerApi } from '../../queries/customers-api.ts';
import type { CustomerProfile } from '../../queries/customers-types.ts';
import { CustomerFormFields } from './CustomerFormFields.tsx';
import { type CustomerDraft, draftOf, emptyDraft, payloadOf } from './customer-draft.ts';
import { fieldErrorsOf } from './field-errors.ts';

/** Creates a customer, or edits one when `customer` is given (only changed fields are sent). */
export function CustomerFormModal({
  opened,
  onClose,
  customer,
  referredByLabel = null,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  customer?: CustomerProfile;
  referredByLabel?: string | null;
  onSaved?: (customer: CustomerProfile) => void;
}) {
  const { t } = useTranslation('profile');
  const { t: tc } = useTranslation();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const initial = () => (customer ? draftOf(customer, referredByLabel) : emptyDraft(user.id));
  const [draft, setDraft] = useState<CustomerDraft>(initial);
  const [before, setBefore] = useState<CustomerDraft | null>(null);

  // Start from the customer as it is now each time the dialog opens.
  useEffect(() => {
    if (!opened) return;
    const start = initial();
    setDraft(start);
    setBefore(customer ? start : null);
  }, [opened]);

  const save = useMutation({
    mutationFn: () => {
      const payload = payloadOf(draft, before);
      return customer ? customerApi.update(customer.id, payload) : customerApi.create(payload);
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: customerKeys.all });
      notifications.show({
        color: 'teal',
        message: customer ? t('form.saved') : t('form.created', { name: saved.displayName }),
      });
      save.reset();
      onSaved?.(saved);
      onClose();
    },
  });
  const errors = fieldErrorsOf(save.error);

  // After a refused save, take the user to the first field the server complained about.
  useEffect(() => {
    if (!save.error) return;
    const invalid = document.querySelector<HTMLElement>('[data-testid="customer-form"] [aria-invalid="true"]');
    invalid?.scrollIntoView({ block: 'center' });
    invalid?.focus();
  }, [save.error]);

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <Modal
      opened={opened}
      onClose={() => {
        save.reset();
        onClose();
      }}
      title={customer ? t('form.editTitle') : t('form.createTitle')}
      size="xl"
    >
      <form onSubmit={submit} noValidate data-testid="customer-form">
        <Stack>
          <ProblemAlert error={save.error} />
          {Object.keys(errors).length > 0 && (
            <Text size="sm" c="red">
              {t('form.fixErrors')}
            </Text>
          )}
          <CustomerFormFields draft={draft} errors={errors} onChange={setDraft} customerId={customer?.id} />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {tc('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {customer ? tc('common.save') : tc('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
