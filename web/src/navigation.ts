import {
  IconAddressBook,
  IconAdjustmentsHorizontal,
  IconArrowsJoin,
  IconBriefcase,
  IconChartBar,
  IconChecklist,
  IconFileImport,
  IconFileInvoice,
  IconForms,
  IconGift,
  IconHistory,
  IconKey,
  IconLayoutDashboard,
  IconLayoutKanban,
  IconLifebuoy,
  IconListCheck,
  IconMessages,
  IconPackage,
  IconReceipt,
  IconReportAnalytics,
  IconSettings,
  IconShieldLock,
  IconSpeakerphone,
  IconStairsUp,
  IconTargetArrow,
  IconUser,
  IconUserSearch,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { PermissionAction, PermissionModule } from './api/types.ts';

export const PLANNED_MODULES = [
  'sales',
  'analytics',
  'service',
  'campaigns',
  'channels',
  'loyalty',
  'reports',
] as const;
export type PlannedModule = (typeof PLANNED_MODULES)[number];

export type NavKey =
  | 'dashboard'
  | 'customers'
  | 'customerImport'
  | 'duplicates'
  | 'dataQuality'
  | PlannedModule
  | 'users'
  | 'teams'
  | 'tokens'
  | 'roles'
  | 'audit'
  | 'settings'
  | 'customFields';

export interface NavItem {
  key: NavKey;
  path: string;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  /** The permission module that must allow `read`; none means every signed-in user. */
  module?: PermissionModule;
  /** The action the module must allow instead of `read` (e.g. `create` for imports). */
  action?: PermissionAction;
  /** Shown indented under this entry. */
  parent?: NavKey;
  planned?: boolean;
}

export const mainNav: NavItem[] = [
  { key: 'dashboard', path: '/', icon: IconLayoutDashboard },
  { key: 'customers', path: '/customers', icon: IconAddressBook, module: 'customers' },
  {
    key: 'customerImport',
    path: '/customers/import',
    icon: IconFileImport,
    module: 'customers',
    action: 'create',
    parent: 'customers',
  },
  { key: 'duplicates', path: '/customers/duplicates', icon: IconArrowsJoin, module: 'customers', parent: 'customers' },
  {
    key: 'dataQuality',
    path: '/customers/data-quality',
    icon: IconChecklist,
    module: 'customers',
    parent: 'customers',
  },
  { key: 'sales', path: '/sales', icon: IconTargetArrow, module: 'sales' },
  { key: 'analytics', path: '/analytics', icon: IconChartBar, module: 'analytics' },
  { key: 'service', path: '/service', icon: IconLifebuoy, module: 'service', planned: true },
  { key: 'campaigns', path: '/campaigns', icon: IconSpeakerphone, module: 'marketing', planned: true },
  { key: 'channels', path: '/channels', icon: IconMessages, module: 'marketing', planned: true },
  { key: 'loyalty', path: '/loyalty', icon: IconGift, module: 'loyalty', planned: true },
  { key: 'reports', path: '/reports', icon: IconReportAnalytics, module: 'reports', planned: true },
];

export const adminNav: NavItem[] = [
  { key: 'users', path: '/admin/users', icon: IconUser, module: 'users' },
  { key: 'teams', path: '/admin/teams', icon: IconUsersGroup, module: 'teams' },
  { key: 'tokens', path: '/admin/tokens', icon: IconKey, module: 'tokens' },
  { key: 'roles', path: '/admin/roles', icon: IconShieldLock, module: 'roles' },
  { key: 'audit', path: '/admin/audit', icon: IconHistory, module: 'audit' },
  { key: 'settings', path: '/admin/settings', icon: IconSettings, module: 'settings' },
  { key: 'customFields', path: '/admin/custom-fields', icon: IconForms, module: 'settings' },
];

/**
 * Entries of modules whose labels live in the module's own i18n namespace (`nav.<key>`
 * there); they are not module cards on the dashboard. `section` says which list they join;
 * a `parent` places them after that entry's other children.
 */
export type ModuleNavKey =
  | 'ladder'
  | 'ladderRules'
  | 'orders'
  | 'products'
  | 'dealsBoard'
  | 'deals'
  | 'tasks'
  | 'leads'
  | 'leadSetup'
  | 'pipelinesAdmin'
  | 'quotes';
export interface ModuleNavItem extends Omit<NavItem, 'key'> {
  key: ModuleNavKey;
  labelNs: 'ladder' | 'sales' | 'deals' | 'tasks' | 'leads' | 'forecasts' | 'quotes';
  section: 'main' | 'admin';
}

export const moduleNav: ModuleNavItem[] = [
  {
    key: 'leads',
    path: '/sales/leads',
    icon: IconUserSearch,
    module: 'sales',
    parent: 'sales',
    labelNs: 'leads',
    section: 'main',
  },
  {
    key: 'leadSetup',
    path: '/sales/lead-setup',
    icon: IconAdjustmentsHorizontal,
    module: 'sales',
    parent: 'sales',
    labelNs: 'leads',
    section: 'main',
  },
  // Every role keeps its own tasks (permission module 'tasks'); listed after the main sections.
  { key: 'tasks', path: '/tasks', icon: IconListCheck, module: 'tasks', labelNs: 'tasks', section: 'main' },
  {
    key: 'dealsBoard',
    path: '/sales/board',
    icon: IconLayoutKanban,
    module: 'sales',
    parent: 'sales',
    labelNs: 'deals',
    section: 'main',
  },
  {
    key: 'deals',
    path: '/sales/deals',
    icon: IconBriefcase,
    module: 'sales',
    parent: 'sales',
    labelNs: 'deals',
    section: 'main',
  },
  {
    key: 'quotes',
    path: '/sales/quotes',
    icon: IconFileInvoice,
    module: 'sales',
    parent: 'sales',
    labelNs: 'quotes',
    section: 'main',
  },
  {
    key: 'orders',
    path: '/sales/orders',
    icon: IconReceipt,
    module: 'sales',
    parent: 'sales',
    labelNs: 'sales',
    section: 'main',
  },
  {
    key: 'products',
    path: '/sales/products',
    icon: IconPackage,
    module: 'sales',
    parent: 'sales',
    labelNs: 'sales',
    section: 'main',
  },
  {
    key: 'ladder',
    path: '/customers/ladder',
    icon: IconStairsUp,
    module: 'customers',
    parent: 'customers',
    labelNs: 'ladder',
    section: 'main',
  },
  {
    key: 'ladderRules',
    path: '/admin/ladder-rules',
    icon: IconStairsUp,
    module: 'settings',
    labelNs: 'ladder',
    section: 'admin',
  },
  // Managers and admins change pipelines; a salesperson sees them read-only.
  {
    key: 'pipelinesAdmin',
    path: '/admin/pipelines',
    icon: IconLayoutKanban,
    module: 'sales',
    action: 'update',
    labelNs: 'forecasts',
    section: 'admin',
  },
];

/** A section's entries with the module entries joined in (after their parent's last child, or at the end). */
export function withModuleNav(items: readonly NavItem[], section: 'main' | 'admin'): (NavItem | ModuleNavItem)[] {
  const out: (NavItem | ModuleNavItem)[] = [...items];
  for (const extra of moduleNav.filter((m) => m.section === section)) {
    let at = out.length;
    if (extra.parent) {
      const last = out.findLastIndex((i) => i.key === extra.parent || i.parent === extra.parent);
      if (last >= 0) at = last + 1;
    }
    out.splice(at, 0, extra);
  }
  return out;
}
