import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customerApi } from '../../queries/customers-api.ts';

/** Picks another customer by searching names and phones on the server (referred by, buying-centre links). */
export function CustomerPicker({
  value,
  initialLabel,
  onChange,
  kind,
  excludeId,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  initialLabel?: string | null;
  onChange: (id: string | null, label: string | null) => void;
  kind?: 'person' | 'company';
  excludeId?: string;
}) {
  const { t } = useTranslation('profile');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const found = useQuery({
    queryKey: ['customers', 'picker', q, kind],
    queryFn: () => customerApi.list({ q, kind, limit: 10 }),
    enabled: q.length > 0,
  });
  const data = useMemo(() => {
    const options = (found.data?.items ?? [])
      .filter((c) => c.id !== excludeId)
      .map((c) => ({ value: c.id, label: c.displayName }));
    if (value && initialLabel && !options.some((o) => o.value === value)) {
      options.unshift({ value, label: initialLabel });
    }
    return options;
  }, [found.data, value, initialLabel, excludeId]);

  return (
    <Select
      {...props}
      data={data}
      value={value}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      placeholder={t('form.pickCustomer')}
      nothingFoundMessage={q ? t('list.empty') : undefined}
      onChange={(id, option) => onChange(id, option?.label ?? null)}
    />
  );
}
