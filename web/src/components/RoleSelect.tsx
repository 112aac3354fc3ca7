import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../api/types.ts';

function isRole(value: string | null): value is Role {
  return ROLES.some((role) => role === value);
}

export function RoleSelect({
  value,
  onChange,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange'> & { value: Role; onChange: (role: Role) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      {...props}
      data={ROLES.map((role) => ({ value: role, label: t(`roleNames.${role}`) }))}
      value={value}
      onChange={(next) => isRole(next) && onChange(next)}
      allowDeselect={false}
    />
  );
}
