import { Alert, Paper, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session-context.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { AssignmentRulesPanel } from './AssignmentRulesPanel.tsx';
import { LeadFormsPanel } from './LeadFormsPanel.tsx';
import { ScoreModelPanel } from './ScoreModelPanel.tsx';
import { ScoringRulesPanel } from './ScoringRulesPanel.tsx';

/** Assignment rules, scoring rules, the learned score and web forms. Salespeople may read the rules. */
export function LeadSetupPage() {
  const { t } = useTranslation('leads');
  const { can, scopeOf } = useSession();
  const manage = can('sales', 'update') && scopeOf('sales') !== 'own';
  return (
    <>
      <PageHeader title={t('setup.title')} description={t('setup.subtitle')} />
      {!manage && (
        <Alert color="gray" mb="md">
          {t('setup.readOnly')}
        </Alert>
      )}
      <Paper withBorder radius="md" p="md">
        <Tabs defaultValue="assignment" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="assignment">{t('setup.assignment')}</Tabs.Tab>
            <Tabs.Tab value="scoring">{t('setup.scoring')}</Tabs.Tab>
            <Tabs.Tab value="model">{t('setup.model')}</Tabs.Tab>
            {manage && <Tabs.Tab value="forms">{t('setup.forms')}</Tabs.Tab>}
          </Tabs.List>
          <Tabs.Panel value="assignment">
            <AssignmentRulesPanel manage={manage} />
          </Tabs.Panel>
          <Tabs.Panel value="scoring">
            <ScoringRulesPanel manage={manage} />
          </Tabs.Panel>
          <Tabs.Panel value="model">
            <ScoreModelPanel manage={manage} />
          </Tabs.Panel>
          {manage && (
            <Tabs.Panel value="forms">
              <LeadFormsPanel />
            </Tabs.Panel>
          )}
        </Tabs>
      </Paper>
    </>
  );
}
