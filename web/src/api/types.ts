/** Shapes of the Sampan HTTP API v1, as the web UI uses them. */

export type Locale = 'th' | 'en';
export type {
  Action as PermissionAction,
  Module as PermissionModule,
  Role,
  Scope,
} from '../../../src/core/auth/roles.ts';

// Roles, modules and actions are the server's own table, shared so they cannot drift apart.
import type { Role, Scope } from '../../../src/core/auth/roles.ts';

export { ACTIONS, MODULES, ROLES } from '../../../src/core/auth/roles.ts';

export interface ModulePermission {
  actions: string[];
  scope: Scope;
}
export type Permissions = Partial<Record<string, ModulePermission>>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type UserStatus = 'active' | 'disabled';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  locale: Locale;
  status: UserStatus;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface SessionResponse {
  user: User;
  csrfToken: string;
}

export interface MeResponse extends SessionResponse {
  permissions: Permissions;
}

export interface Team {
  id: string;
  name: string;
  memberCount: number;
  createdAt: string;
}

export interface RoleDefinition {
  role: Role;
  rank: number;
  permissions: Permissions;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  ownerId: string;
  ownerName: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreatedToken {
  token: string;
  item: ApiToken;
}

export interface FieldChange {
  before: unknown;
  after: unknown;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  source: string | null;
  entityType: string;
  entityId: string | null;
  action: string;
  changes: Record<string, FieldChange> | null;
  ip: string | null;
  requestId: string | null;
}

export interface BackupSettings {
  enabled: boolean;
  hour: number;
  retentionDays: number;
}

export interface Settings {
  companyName: string;
  currency: string;
  timeZone: string;
  locale: Locale;
  buddhistEra: boolean;
  backup: BackupSettings;
}

export interface Customer {
  id: string;
  displayName: string;
  firstName: string | null;
  lastName: string | null;
  firstNameEn: string | null;
  lastNameEn: string | null;
  nickname: string | null;
  email: string | null;
  phone: string | null;
  lineId: string | null;
  province: string | null;
  tags: string[];
  ownerId: string | null;
  createdAt: string;
}

export interface Health {
  status: string;
  database: 'pglite' | 'postgres';
  version: string;
}
