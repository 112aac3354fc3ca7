import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session-context.ts';
import { useTeamsQuery } from '../queries/teams.ts';

/** A team picker; empty means "no team". */
export function TeamSelect({
  value,
  onChange,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange: (teamId: string | null) => void;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  const teams = useTeamsQuery(can('teams', 'read'));
  return (
    <Select
      {...props}
      data={(teams.data?.items ?? []).map((team) => ({ value: team.id, label: team.name }))}
      value={value}
      onChange={onChange}
      placeholder={t('users.noTeam')}
      clearable
      searchable
      nothingFoundMessage={t('common.noData')}
    />
  );
}
