import { useTranslation } from 'react-i18next';
import type { CustomerRecord } from '../../../queries/dataops-api.ts';
import { type ChoiceKey, choiceValue } from './compare-fields.ts';

const KINDS = ['person', 'company'] as const;
const CUSTOMER_TYPES = ['consumer', 'reseller', 'business'] as const;
const GENDERS = ['female', 'male', 'other', 'unspecified'] as const;

function oneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** A choice's value as the user reads it: coded values (kind, type, gender) in their language. */
export function useChoiceLabel(): (record: CustomerRecord, key: ChoiceKey) => string {
  const { t } = useTranslation('dataops');
  return (record, key) => {
    const value = choiceValue(record, key);
    if (key === 'kind' && oneOf(KINDS, value)) return t(`codes.kind.${value}`);
    if (key === 'customerType' && oneOf(CUSTOMER_TYPES, value)) return t(`codes.customerType.${value}`);
    if (key === 'gender' && oneOf(GENDERS, value)) return t(`codes.gender.${value}`);
    return value;
  };
}
