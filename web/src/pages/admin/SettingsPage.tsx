import { Center, Loader, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session-context.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSettingsQuery } from '../../format/display-settings.ts';
import { SettingsForm } from './SettingsForm.tsx';

export function SettingsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const settings = useSettingsQuery();

  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.subtitle')} />
      <Paper withBorder radius="md" p="lg" maw={960}>
        <ProblemAlert error={settings.error} />
        {settings.isPending && (
          <Center py="xl">
            <Loader size="sm" />
          </Center>
        )}
        {settings.data && (
          <SettingsForm
            key={JSON.stringify(settings.data)}
            saved={settings.data}
            readOnly={!can('settings', 'update')}
          />
        )}
      </Paper>
    </>
  );
}
