import { MultiSelect, NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useLabel } from '../../queries/customers.ts';
import type { CustomFieldDefinition } from '../../queries/customers-types.ts';

/** One input per custom field definition, by its type; values keyed by the definition's key. */
export function CustomFieldInputs({
  definitions,
  values,
  errors,
  onChange,
}: {
  definitions: CustomFieldDefinition[];
  values: Record<string, unknown>;
  errors: Record<string, string>;
  onChange: (key: string, value: unknown) => void;
}) {
  const label = useLabel();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {definitions.map((field) => {
        const common = {
          key: field.key,
          label: label(field),
          required: field.required,
          error: errors[`customFields.${field.key}`],
          'data-custom-field': field.key,
        };
        const value = values[field.key];
        const options = field.options.map((o) => ({ value: o.value, label: label(o) }));
        switch (field.type) {
          case 'number':
            return (
              <NumberInput
                {...common}
                value={typeof value === 'number' ? value : ''}
                onChange={(v) => onChange(field.key, typeof v === 'number' ? v : null)}
              />
            );
          case 'date':
            return (
              <TextInput
                {...common}
                type="date"
                value={typeof value === 'string' ? value : ''}
                onChange={(e) => onChange(field.key, e.currentTarget.value)}
              />
            );
          case 'select':
            return (
              <Select
                {...common}
                data={options}
                clearable
                value={typeof value === 'string' ? value : null}
                onChange={(v) => onChange(field.key, v)}
              />
            );
          case 'multi_select':
            return (
              <MultiSelect
                {...common}
                data={options}
                clearable
                value={Array.isArray(value) ? value.map(String) : []}
                onChange={(v) => onChange(field.key, v)}
              />
            );
          default:
            return (
              <TextInput
                {...common}
                value={typeof value === 'string' ? value : ''}
                onChange={(e) => onChange(field.key, e.currentTarget.value)}
              />
            );
        }
      })}
    </SimpleGrid>
  );
}
