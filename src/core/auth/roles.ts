export const ROLES = ['owner', 'admin', 'manager', 'sales', 'service', 'marketing', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const MODULES = [
  'users',
  'teams',
  'tokens',
  'roles',
  'audit',
  'settings',
  'backups',
  'customers',
  'sales',
  'service',
  'marketing',
  'analytics',
  'loyalty',
  'reports',
  // Tasks and reminders: every role has its own to-dos; managers see their team's, admins all.
  'tasks',
] as const;
export type Module = (typeof MODULES)[number];

export const ACTIONS = ['read', 'create', 'update', 'delete', 'export'] as const;
export type Action = (typeof ACTIONS)[number];

/** all: every record; team: the user's team's and their own; own: only records they own. */
export type Scope = 'all' | 'team' | 'own';

export interface Grant {
  actions: readonly Action[];
  scope: Scope;
}
export type PermissionSet = Partial<Record<Module, Grant>>;

const ALL = ACTIONS;
const READ = ['read'] as const;
const READ_EXPORT = ['read', 'export'] as const;
const WORK = ['read', 'create', 'update', 'export'] as const;
const OWN_TOKENS: Grant = { actions: ['read', 'create', 'delete'], scope: 'own' };

function everything(scope: Scope): PermissionSet {
  return Object.fromEntries(MODULES.map((m) => [m, { actions: ALL, scope }])) as PermissionSet;
}

const business = ['customers', 'sales', 'service', 'marketing', 'analytics', 'loyalty', 'reports'] as const;
function readAllBusiness(): PermissionSet {
  return Object.fromEntries(business.map((m) => [m, { actions: READ, scope: 'all' }])) as PermissionSet;
}

/** Everyone keeps their own tasks (create, complete, reopen); see src/modules/tasks/task-access.ts. */
const OWN_TASKS: Grant = { actions: WORK, scope: 'own' };

const common: PermissionSet = {
  users: { actions: READ, scope: 'all' },
  teams: { actions: READ, scope: 'all' },
  roles: { actions: READ, scope: 'all' },
  settings: { actions: READ, scope: 'all' },
  tokens: OWN_TOKENS,
  tasks: OWN_TASKS,
};

/**
 * Each role is a set of permissions per module and action, with the record scope it
 * sees. Changing this table changes what every endpoint allows.
 */
export const PERMISSIONS: Record<Role, PermissionSet> = {
  owner: everything('all'),
  admin: everything('all'),
  manager: {
    ...common,
    audit: { actions: READ, scope: 'all' },
    customers: { actions: ALL, scope: 'team' },
    sales: { actions: ALL, scope: 'team' },
    service: { actions: ALL, scope: 'team' },
    marketing: { actions: ALL, scope: 'all' },
    loyalty: { actions: ALL, scope: 'team' },
    analytics: { actions: READ_EXPORT, scope: 'all' },
    reports: { actions: READ_EXPORT, scope: 'all' },
    tasks: { actions: ALL, scope: 'team' },
  },
  sales: {
    ...common,
    customers: { actions: WORK, scope: 'own' },
    sales: { actions: ALL, scope: 'own' },
    service: { actions: ['read', 'create'], scope: 'own' },
    loyalty: { actions: ['read', 'update'], scope: 'own' },
    analytics: { actions: READ, scope: 'own' },
    reports: { actions: READ, scope: 'own' },
  },
  service: {
    ...common,
    customers: { actions: ['read', 'create', 'update'], scope: 'all' },
    service: { actions: ALL, scope: 'all' },
    loyalty: { actions: ['read', 'update'], scope: 'all' },
    sales: { actions: READ, scope: 'all' },
    reports: { actions: READ, scope: 'all' },
  },
  marketing: {
    ...common,
    customers: { actions: READ_EXPORT, scope: 'all' },
    marketing: { actions: ALL, scope: 'all' },
    loyalty: { actions: ALL, scope: 'all' },
    analytics: { actions: READ_EXPORT, scope: 'all' },
    reports: { actions: READ_EXPORT, scope: 'all' },
  },
  viewer: { ...common, ...readAllBusiness() },
};

/** Higher rank may grant lower roles; nobody grants a role above their own. */
export const ROLE_RANK: Record<Role, number> = {
  owner: 100,
  admin: 90,
  manager: 70,
  sales: 40,
  service: 40,
  marketing: 40,
  viewer: 10,
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function grantOf(role: Role, module: Module): Grant | undefined {
  return PERMISSIONS[role][module];
}

export function roleAllows(role: Role, module: Module, action: Action): boolean {
  return grantOf(role, module)?.actions.includes(action) ?? false;
}
