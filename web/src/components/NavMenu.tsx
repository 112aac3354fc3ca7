import { Badge, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, useLocation } from 'react-router-dom';
import { useSession } from '../auth/session-context.ts';
import { adminNav, type ModuleNavItem, mainNav, type NavItem, withModuleNav } from '../navigation.ts';

function matches(path: string, pathname: string): boolean {
  return path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
}

type AnyNavItem = NavItem | ModuleNavItem;
const mainItems = withModuleNav(mainNav, 'main');
const adminItemsAll = withModuleNav(adminNav, 'admin');

/** A parent is not active on its children's pages (e.g. Customers on /customers/import). */
function onChildPage(item: AnyNavItem, pathname: string): boolean {
  return mainItems.some((other) => other.parent === item.key && matches(other.path, pathname));
}

function isActive(item: AnyNavItem, pathname: string): boolean {
  return !onChildPage(item, pathname) && matches(item.path, pathname);
}

export function NavMenu({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { t: tLadder } = useTranslation('ladder');
  const { t: tSales } = useTranslation('sales');
  const { t: tDeals } = useTranslation('deals');
  const { t: tTasks } = useTranslation('tasks');
  const { t: tLeads } = useTranslation('leads');
  const { t: tQuotes } = useTranslation('quotes');
  const { t: tForecasts } = useTranslation('forecasts');
  const { can } = useSession();
  const { pathname } = useLocation();
  const visible = (item: AnyNavItem) => !item.module || can(item.module, item.action ?? 'read');

  const label = (item: AnyNavItem) => {
    if (!('labelNs' in item)) return t(`nav.${item.key}`);
    if (item.key === 'orders' || item.key === 'products') return tSales(`nav.${item.key}`);
    if (item.key === 'dealsBoard' || item.key === 'deals') return tDeals(`nav.${item.key}`);
    if (item.key === 'tasks') return tTasks('nav.tasks');
    if (item.key === 'quotes') return tQuotes('nav.quotes');
    if (item.key === 'leads' || item.key === 'leadSetup') return tLeads(`nav.${item.key}`);
    if (item.key === 'pipelinesAdmin') return tForecasts('nav.pipelinesAdmin');
    return tLadder(`nav.${item.key as 'ladder' | 'ladderRules'}`);
  };
  const renderItem = (item: AnyNavItem) => (
    <NavLink
      key={item.key}
      component={RouterNavLink}
      to={item.path}
      end={item.path === '/' || onChildPage(item, pathname)}
      label={label(item)}
      leftSection={<item.icon size={18} stroke={1.6} />}
      rightSection={
        // A module with working parts (its children) is not "coming soon" as a whole.
        item.planned && !mainItems.some((other) => other.parent === item.key && visible(other)) ? (
          <Badge size="sm" variant="light" color="gray" tt="none">
            {t('placeholder.badgeShort')}
          </Badge>
        ) : undefined
      }
      active={isActive(item, pathname)}
      onClick={onNavigate}
      pl={item.parent ? 'xl' : undefined}
      data-nav={item.key}
    />
  );

  const adminItems = adminItemsAll.filter(visible);
  return (
    <ScrollArea type="auto" style={{ flex: 1 }}>
      <Stack gap={2}>
        {mainItems.filter(visible).map(renderItem)}
        {adminItems.length > 0 && (
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="md" mb={4} px="sm">
            {t('nav.adminSection')}
          </Text>
        )}
        {adminItems.map(renderItem)}
      </Stack>
    </ScrollArea>
  );
}
