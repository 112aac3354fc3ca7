import { api } from './client.ts';
import type {
  ApiToken,
  AuditEntry,
  CreatedToken,
  Customer,
  Health,
  Locale,
  MeResponse,
  Page,
  Role,
  RoleDefinition,
  SessionResponse,
  Settings,
  Team,
  User,
  UserStatus,
} from './types.ts';

export interface PageQuery {
  limit?: number;
  cursor?: string | null;
  q?: string;
}

export interface SetupInput {
  name: string;
  email: string;
  password: string;
  locale: Locale;
  companyName: string;
  demo: boolean;
}

export interface UserCreateInput {
  email: string;
  name: string;
  password: string;
  role: Role;
  teamId?: string;
  locale?: Locale;
}

export interface UserUpdateInput {
  name?: string;
  role?: Role;
  teamId?: string | null;
  status?: UserStatus;
  password?: string;
}

export interface MeUpdateInput {
  locale?: Locale;
  name?: string;
  currentPassword?: string;
  newPassword?: string;
}

export interface AuditQuery {
  limit?: number;
  cursor?: string | null;
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
}

export interface TokenCreateInput {
  name: string;
  role: Role;
  expiresAt?: string;
}

export type SettingsUpdate = Partial<Omit<Settings, 'backup'>> & { backup?: Partial<Settings['backup']> };

const v1 = '/api/v1';

export const health = () => api.get<Health>('/health');

export const setupApi = {
  status: () => api.get<{ needsSetup: boolean }>(`${v1}/setup/status`),
  run: (input: SetupInput) => api.post<SessionResponse>(`${v1}/setup`, input),
};

export const authApi = {
  me: () => api.get<MeResponse>(`${v1}/auth/me`, undefined, { allowUnauthenticated: true }),
  login: (email: string, password: string) =>
    api.post<SessionResponse>(`${v1}/auth/login`, { email, password }, { allowUnauthenticated: true }),
  logout: () => api.post<void>(`${v1}/auth/logout`, undefined, { allowUnauthenticated: true }),
  updateMe: (input: MeUpdateInput) => api.patch<{ user: User }>(`${v1}/auth/me`, input),
};

export const usersApi = {
  list: (query: PageQuery) => api.get<Page<User>>(`${v1}/users`, { ...query }),
  create: (input: UserCreateInput) => api.post<User>(`${v1}/users`, input),
  update: (id: string, input: UserUpdateInput) => api.patch<User>(`${v1}/users/${encodeURIComponent(id)}`, input),
};

export const teamsApi = {
  list: () => api.get<Page<Team>>(`${v1}/teams`, { limit: 200 }),
  create: (name: string) => api.post<Team>(`${v1}/teams`, { name }),
  rename: (id: string, name: string) => api.patch<Team>(`${v1}/teams/${encodeURIComponent(id)}`, { name }),
  remove: (id: string) => api.delete(`${v1}/teams/${encodeURIComponent(id)}`),
};

export const rolesApi = {
  list: () => api.get<{ items: RoleDefinition[] }>(`${v1}/roles`),
};

export const tokensApi = {
  list: (query: PageQuery) => api.get<Page<ApiToken>>(`${v1}/tokens`, { ...query }),
  create: (input: TokenCreateInput) => api.post<CreatedToken>(`${v1}/tokens`, input),
  revoke: (id: string) => api.delete(`${v1}/tokens/${encodeURIComponent(id)}`),
};

export const auditApi = {
  list: (query: AuditQuery) => api.get<Page<AuditEntry>>(`${v1}/audit`, { ...query }),
};

export const settingsApi = {
  get: () => api.get<Settings>(`${v1}/settings`),
  update: (input: SettingsUpdate) => api.patch<Settings>(`${v1}/settings`, input),
};

export const customersApi = {
  list: (query: PageQuery) => api.get<Page<Customer>>(`${v1}/customers`, { ...query }),
  get: (id: string) => api.get<Customer>(`${v1}/customers/${encodeURIComponent(id)}`),
};
