import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { AppError } from '../errors/app-error.ts';
import type { Principal } from './principal.ts';
import { type Action, grantOf, type Module, roleAllows, type Scope } from './roles.ts';

export function authorize(principal: Principal, module: Module, action: Action): void {
  if (!roleAllows(principal.role, module, action)) throw new AppError('forbidden', { module, action });
}

export function scopeFor(principal: Principal, module: Module): Scope {
  return grantOf(principal.role, module)?.scope ?? 'own';
}

export interface OwnedColumns {
  ownerId: PgColumn;
  teamId?: PgColumn;
}

/**
 * Record-level visibility as a WHERE condition, so lists and direct reads are both
 * filtered by the database. Undefined means "no restriction". A record outside the
 * caller's scope simply does not exist for them (404, never a hint that it exists).
 */
export function visibleTo(principal: Principal, module: Module, cols: OwnedColumns): SQL | undefined {
  const scope = scopeFor(principal, module);
  if (scope === 'all') return undefined;
  const mine = principal.userId ? eq(cols.ownerId, principal.userId) : sql`false`;
  if (scope === 'team' && principal.teamId && cols.teamId) return or(mine, eq(cols.teamId, principal.teamId));
  return mine;
}

export function andVisible(principal: Principal, module: Module, cols: OwnedColumns, ...conds: (SQL | undefined)[]) {
  return and(visibleTo(principal, module, cols), ...conds);
}
