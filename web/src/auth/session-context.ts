import { createContext, useContext } from 'react';
import type { PermissionAction, PermissionModule, Permissions, Scope, User } from '../api/types.ts';

export interface Session {
  user: User;
  permissions: Permissions;
  can: (module: PermissionModule, action?: PermissionAction) => boolean;
  scopeOf: (module: PermissionModule) => Scope | null;
}

export const SessionContext = createContext<Session | null>(null);

export function makeSession(user: User, permissions: Permissions): Session {
  return {
    user,
    permissions,
    can: (module, action = 'read') => permissions[module]?.actions.includes(action) ?? false,
    scopeOf: (module) => permissions[module]?.scope ?? null,
  };
}

/** The signed-in user; only valid below RequireSession. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession used outside RequireSession');
  return session;
}

/** The signed-in user when there is one (the language switch works on public pages too). */
export function useOptionalSession(): Session | null {
  return useContext(SessionContext);
}
