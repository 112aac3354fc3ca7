import {
  IconAddressBook,
  IconArrowsJoin,
  IconChartBar,
  IconChecklist,
  IconFileImport,
  IconForms,
  IconGift,
  IconHistory,
  IconKey,
  IconLayoutDashboard,
  IconLifebuoy,
  IconMessages,
  IconReportAnalytics,
  IconSettings,
  IconShieldLock,
  IconSpeakerphone,
  IconTargetArrow,
  IconUser,
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
  { key: 'sales', path: '/sales', icon: IconTargetArrow, module: 'sales', planned: true },
  { key: 'analytics', path: '/analytics', icon: IconChartBar, module: 'analytics', planned: true },
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
