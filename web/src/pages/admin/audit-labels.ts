import type { TFunction } from 'i18next';

export const KNOWN_ACTIONS = [
  'create',
  'update',
  'delete',
  'login',
  'login_failed',
  'lockout',
  'logout',
  'revoke',
  'setup',
  'demo_load',
] as const;
export const KNOWN_ENTITY_TYPES = ['user', 'team', 'api_token', 'settings', 'customer'] as const;
const KNOWN_SOURCES = ['web', 'api', 'cli', 'system'] as const;
const KNOWN_ACTOR_TYPES = ['user', 'token', 'system'] as const;

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return list.some((item) => item === value);
}

/** Names the server may add later fall back to their raw code rather than a blank. */
export function actionLabel(t: TFunction, action: string): string {
  return isOneOf(KNOWN_ACTIONS, action) ? t(`audit.actions.${action}`) : action;
}

export function entityTypeLabel(t: TFunction, entityType: string): string {
  return isOneOf(KNOWN_ENTITY_TYPES, entityType) ? t(`audit.entityTypes.${entityType}`) : entityType;
}

export function sourceLabel(t: TFunction, source: string | null): string {
  if (!source) return '—';
  return isOneOf(KNOWN_SOURCES, source) ? t(`audit.sources.${source}`) : source;
}

export function actorTypeLabel(t: TFunction, actorType: string): string {
  return isOneOf(KNOWN_ACTOR_TYPES, actorType) ? t(`audit.actorTypes.${actorType}`) : actorType;
}

export function actionColor(action: string): string {
  if (action === 'create') return 'teal';
  if (action === 'delete' || action === 'revoke' || action === 'lockout' || action === 'login_failed') return 'red';
  if (action === 'update') return 'yellow';
  return 'blue';
}
