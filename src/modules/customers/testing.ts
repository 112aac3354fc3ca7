/** Test fixtures for the customers module (used by *.test.ts only). */

import { createTeam } from '../../core/auth/create-team.ts';
import { createUser } from '../../core/auth/create-user.ts';
import { type Actor, systemActor } from '../../core/auth/principal.ts';
import type { Role } from '../../core/auth/roles.ts';
import type { Db } from '../../core/db/database.ts';

export function actorFor(user: { id: string; teamId: string | null; email: string }, role: Role): Actor {
  return { principal: { type: 'user', userId: user.id, teamId: user.teamId, role, label: user.email }, source: 'web' };
}

export interface Staff {
  teamA: string;
  teamB: string;
  salesA: Actor;
  salesA2: Actor;
  salesB: Actor;
  managerA: Actor;
  service: Actor;
  marketing: Actor;
  viewer: Actor;
  admin: Actor;
}

/** Two teams and one user per role: sales A, A2 and manager A in team A; sales B in team B. */
export async function createStaff(db: Db): Promise<Staff> {
  const cli = systemActor('cli');
  return db.transaction(async (tx) => {
    const teamA = (await createTeam(tx, cli, { name: 'ทีม A' })).id;
    const teamB = (await createTeam(tx, cli, { name: 'ทีม B' })).id;
    const make = async (key: string, role: Role, teamId: string | null) => {
      const user = await createUser(tx, cli, {
        email: `${key}@test.local`,
        name: key,
        password: 'password-123',
        role,
        teamId,
      });
      return actorFor(user, role);
    };
    return {
      teamA,
      teamB,
      salesA: await make('sales-a', 'sales', teamA),
      salesA2: await make('sales-a2', 'sales', teamA),
      salesB: await make('sales-b', 'sales', teamB),
      managerA: await make('manager-a', 'manager', teamA),
      service: await make('service', 'service', null),
      marketing: await make('marketing', 'marketing', null),
      viewer: await make('viewer', 'viewer', null),
      admin: await make('admin', 'admin', null),
    };
  });
}

export function userIdOf(actor: Actor): string {
  if (!actor.principal.userId) throw new Error('actor has no user');
  return actor.principal.userId;
}
