import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { customerKeys } from '../../queries/customers.ts';
import { customFieldApi } from '../../queries/customers-api.ts';
import {
  CUSTOM_FIELD_TYPES,
  type CustomFieldDefinition,
  type CustomFieldInput,
  type CustomFieldOption,
} from '../../queries/customers-types.ts';
import { fieldErrorsOf } from '../customers/field-errors.ts';

const APPLIES_TO = ['all', 'person', 'company'] as const;

/** Creates a custom field, or edits the labels, options, order and "required" of one. */
export function CustomFieldModal({ field, onClose }: { field: CustomFieldDefinition | null; onClose: () => void }) {
  const { t } = useTranslation('profile');
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<CustomFieldInput>(
    field ?? {
      key: '',
      labelTh: '',
      labelEn: '',
      type: 'text',
      options: [],
      appliesTo: 'all',
      required: false,
      position: 0,
    },
  );
  const isSelect = draft.type === 'select' || draft.type === 'multi_select';
  const options = draft.options ?? [];
  const setOption = (index: number, patch: Partial<CustomFieldOption>) =>
    setDraft({ ...draft, options: options.map((o, i) => (i === index ? { ...o, ...patch } : o)) });

  const save = useMutation({
    mutationFn: () => {
      const body: CustomFieldInput = { ...draft, options: isSelect ? options : [] };
      if (field) {
        const { key: _key, ...changes } = body;
        return customFieldApi.update(field.id, changes);
      }
      return customFieldApi.create(body);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: customerKeys.customFields });
      notifications.show({ color: 'teal', message: t('customFields.saved') });
      onClose();
    },
  });
  const errors = fieldErrorsOf(save.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={field ? t('customFields.editTitle') : t('customFields.createTitle')}
      size="lg"
    >
      <form onSubmit={submit} noValidate data-testid="custom-field-form">
        <Stack>
          <ProblemAlert error={save.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              name="key"
              label={t('customFields.key')}
              description={t('customFields.keyHint')}
              value={draft.key ?? ''}
              disabled={Boolean(field)}
              error={errors.key}
              onChange={(e) => setDraft({ ...draft, key: e.currentTarget.value })}
              required
            />
            <Select
              label={t('customFields.type')}
              data={CUSTOM_FIELD_TYPES.map((type) => ({ value: type, label: t(`customFields.types.${type}`) }))}
              value={draft.type ?? 'text'}
              error={errors.type}
              allowDeselect={false}
              onChange={(type) => setDraft({ ...draft, type: type ?? 'text' })}
            />
            <TextInput
              name="labelTh"
              label={t('customFields.labelTh')}
              value={draft.labelTh ?? ''}
              error={errors.labelTh}
              onChange={(e) => setDraft({ ...draft, labelTh: e.currentTarget.value })}
              required
            />
            <TextInput
              name="labelEn"
              label={t('customFields.labelEn')}
              value={draft.labelEn ?? ''}
              error={errors.labelEn}
              onChange={(e) => setDraft({ ...draft, labelEn: e.currentTarget.value })}
              required
            />
            <Select
              label={t('customFields.appliesTo')}
              data={APPLIES_TO.map((a) => ({ value: a, label: t(`customFields.appliesToValues.${a}`) }))}
              value={draft.appliesTo ?? 'all'}
              allowDeselect={false}
              onChange={(appliesTo) => setDraft({ ...draft, appliesTo: appliesTo ?? 'all' })}
            />
            <NumberInput
              label={t('customFields.position')}
              min={0}
              max={10000}
              value={draft.position ?? 0}
              error={errors.position}
              onChange={(v) => setDraft({ ...draft, position: typeof v === 'number' ? v : 0 })}
            />
          </SimpleGrid>
          <Checkbox
            label={t('customFields.required')}
            checked={draft.required ?? false}
            onChange={(e) => setDraft({ ...draft, required: e.currentTarget.checked })}
          />
          {isSelect && (
            <Stack gap="xs">
              <Text size="sm" fw={500}>
                {t('customFields.options')}
              </Text>
              {errors.options && (
                <Text size="xs" c="red">
                  {errors.options}
                </Text>
              )}
              {options.map((option, index) => (
                <Group key={index} gap="xs" wrap="nowrap" align="flex-start">
                  <TextInput
                    placeholder={t('customFields.optionValue')}
                    aria-label={t('customFields.optionValue')}
                    value={option.value}
                    error={errors[`options.${index}.value`]}
                    onChange={(e) => setOption(index, { value: e.currentTarget.value })}
                    w={130}
                  />
                  <TextInput
                    placeholder={t('customFields.optionTh')}
                    aria-label={t('customFields.optionTh')}
                    value={option.th}
                    error={errors[`options.${index}.th`]}
                    onChange={(e) => setOption(index, { th: e.currentTarget.value })}
                    style={{ flex: 1 }}
                  />
                  <TextInput
                    placeholder={t('customFields.optionEn')}
                    aria-label={t('customFields.optionEn')}
                    value={option.en}
                    error={errors[`options.${index}.en`]}
                    onChange={(e) => setOption(index, { en: e.currentTarget.value })}
                    style={{ flex: 1 }}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    mt={6}
                    aria-label={tc('common.delete')}
                    onClick={() => setDraft({ ...draft, options: options.filter((_, i) => i !== index) })}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ))}
              <Button
                variant="light"
                size="xs"
                w="fit-content"
                leftSection={<IconPlus size={14} />}
                onClick={() => setDraft({ ...draft, options: [...options, { value: '', th: '', en: '' }] })}
              >
                {t('customFields.addOption')}
              </Button>
            </Stack>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {tc('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {field ? tc('common.save') : tc('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
