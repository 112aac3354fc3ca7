import type { Locale } from '../i18n/locale.ts';
import type { Role } from './roles.ts';

export type Source = 'web' | 'api' | 'cli' | 'job';

/** Who is acting. A token acts with its own role, on behalf of the user who made it. */
export interface Principal {
  type: 'user' | 'token' | 'system';
  userId: string | null;
  teamId: string | null;
  role: Role;
  label: string;
  tokenId?: string;
  sessionId?: string;
  locale?: Locale;
}

/** Everything a use case needs to know about the caller besides its input. */
export interface Actor {
  principal: Principal;
  source: Source;
  ip?: string | undefined;
  requestId?: string | undefined;
}

export function systemActor(
  source: 'cli' | 'job',
  label = source === 'cli' ? 'command line' : 'background job',
): Actor {
  return { principal: { type: 'system', userId: null, teamId: null, role: 'owner', label }, source };
}
