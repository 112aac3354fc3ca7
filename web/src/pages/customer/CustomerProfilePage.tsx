import { Alert, Anchor, Button, Center, Loader, Paper, Tabs } from '@mantine/core';
import { IconArrowLeft, IconGitMerge, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/problem.ts';
import { useSession } from '../../auth/session-context.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useCustomer } from '../../queries/customers.ts';
import { CustomerScoresCard } from '../analytics/CustomerScoresCard.tsx';
import { RecommendationsCard } from '../analytics/RecommendationsCard.tsx';
import { CustomerDealsPanel } from '../deals/CustomerDealsPanel.tsx';
import { CustomerQuotesPanel } from '../quotes/CustomerQuotesPanel.tsx';
import { CustomerOrdersPanel } from '../sales/CustomerOrdersPanel.tsx';
import { CustomerTasksPanel } from '../tasks/CustomerTasksPanel.tsx';
import { AddressesPanel } from './AddressesPanel.tsx';
import { CompanyOverview } from './CompanyOverview.tsx';
import { ConsentPanel } from './ConsentPanel.tsx';
import { ContactsPanel } from './ContactsPanel.tsx';
import { DetailsPanel } from './DetailsPanel.tsx';
import { DuplicatesPanel } from './DuplicatesPanel.tsx';
import { IdentitiesPanel } from './IdentitiesPanel.tsx';
import { PrivacyPanel } from './PrivacyPanel.tsx';
import { ProfileHeader } from './ProfileHeader.tsx';
import { ReferralsPanel } from './ReferralsPanel.tsx';
import { TimelinePanel } from './TimelinePanel.tsx';

/** The 360° view of one customer: header, then one tab per side of the profile. */
export function CustomerProfilePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('profile');
  const { t: tSales } = useTranslation('sales');
  const { t: tDeals } = useTranslation('deals');
  const { t: tTasks } = useTranslation('tasks');
  const { can } = useSession();
  const customer = useCustomer(id);

  const back = (
    <Anchor component={Link} to="/customers" size="sm" mb="sm" display="inline-flex" style={{ gap: 4 }}>
      <IconArrowLeft size={16} /> {t('profile.back')}
    </Anchor>
  );

  if (customer.isPending) {
    return (
      <Center h={240}>
        <Loader />
      </Center>
    );
  }
  if (customer.isError) {
    const notFound = customer.error instanceof ApiError && customer.error.status === 404;
    return (
      <>
        {back}
        {notFound ? (
          <Alert color="yellow" icon={<IconLock size={18} />} data-testid="profile-not-found">
            {t('profile.notFound')}
          </Alert>
        ) : (
          <ProblemAlert error={customer.error} />
        )}
      </>
    );
  }

  const profile = customer.data;
  const editable = can('customers', 'update') && (profile.status ?? 'active') === 'active';
  const isCompany = profile.kind === 'company';

  return (
    <>
      {back}
      {profile.status === 'merged' && (
        <Alert color="blue" icon={<IconGitMerge size={18} />} mb="md" data-testid="profile-merged">
          {t('profile.merged')}{' '}
          {profile.mergedIntoId && (
            <Button component={Link} to={`/customers/${profile.mergedIntoId}`} size="xs" variant="light" ml="sm">
              {t('profile.openSurvivor')}
            </Button>
          )}
        </Alert>
      )}
      {profile.status === 'erased' && (
        <Alert color="gray" icon={<IconLock size={18} />} mb="md">
          {t('profile.erased')}
        </Alert>
      )}
      <ProfileHeader customer={profile} editable={editable} />
      {(profile.status ?? 'active') === 'active' && (
        <>
          <CustomerScoresCard customerId={profile.id} />
          <RecommendationsCard customerId={profile.id} />
          <CompanyOverview customer={profile} />
          <DuplicatesPanel customerId={profile.id} />
        </>
      )}
      <Paper withBorder radius="md" p="md" mt="md">
        <Tabs defaultValue="timeline" keepMounted={false}>
          <Tabs.List mb="md" style={{ flexWrap: 'wrap' }}>
            <Tabs.Tab value="timeline">{t('profile.tabs.timeline')}</Tabs.Tab>
            {can('sales') && <Tabs.Tab value="orders">{tSales('orders.tab')}</Tabs.Tab>}
            {can('sales') && <Tabs.Tab value="deals">{tDeals('profile.tab')}</Tabs.Tab>}
            {can('tasks') && <Tabs.Tab value="tasks">{tTasks('profile.tab')}</Tabs.Tab>}
            <Tabs.Tab value="details">{t('profile.tabs.details')}</Tabs.Tab>
            <Tabs.Tab value="identities">{t('profile.tabs.identities')}</Tabs.Tab>
            <Tabs.Tab value="addresses">{t('profile.tabs.addresses')}</Tabs.Tab>
            <Tabs.Tab value="company">{isCompany ? t('profile.tabs.company') : t('profile.tabs.companies')}</Tabs.Tab>
            <Tabs.Tab value="referrals">{t('profile.tabs.referrals')}</Tabs.Tab>
            <Tabs.Tab value="consent">{t('profile.tabs.consent')}</Tabs.Tab>
            {(can('customers', 'export') || can('customers', 'delete')) && (
              <Tabs.Tab value="privacy">{t('profile.tabs.privacy')}</Tabs.Tab>
            )}
          </Tabs.List>
          <Tabs.Panel value="timeline">
            <TimelinePanel customerId={profile.id} editable={editable} />
          </Tabs.Panel>
          <Tabs.Panel value="orders">
            <CustomerOrdersPanel customerId={profile.id} />
            <CustomerQuotesPanel customerId={profile.id} />
          </Tabs.Panel>
          <Tabs.Panel value="deals">
            <CustomerDealsPanel customerId={profile.id} customerName={profile.displayName} />
          </Tabs.Panel>
          <Tabs.Panel value="tasks">
            <CustomerTasksPanel customerId={profile.id} />
          </Tabs.Panel>
          <Tabs.Panel value="details">
            <DetailsPanel customer={profile} />
          </Tabs.Panel>
          <Tabs.Panel value="identities">
            <IdentitiesPanel customerId={profile.id} editable={editable} />
          </Tabs.Panel>
          <Tabs.Panel value="addresses">
            <AddressesPanel customer={profile} editable={editable} />
          </Tabs.Panel>
          <Tabs.Panel value="company">
            <ContactsPanel customer={profile} editable={editable} />
          </Tabs.Panel>
          <Tabs.Panel value="referrals">
            <ReferralsPanel customer={profile} />
          </Tabs.Panel>
          <Tabs.Panel value="consent">
            <ConsentPanel customerId={profile.id} editable={editable} />
          </Tabs.Panel>
          <Tabs.Panel value="privacy">
            <PrivacyPanel customer={profile} />
          </Tabs.Panel>
        </Tabs>
      </Paper>
    </>
  );
}
