/** Test fixtures for the profile extras (used by *.test.ts only). */

import { expect } from 'vitest';
import { bearer, createTestApp, jsonRequest, type TestApp } from '../../../test/support/test-app.ts';
import { createTeam } from '../../core/auth/create-team.ts';
import { systemActor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { registerErrors } from '../../core/errors/catalog.ts';
import { customerExtrasErrors } from './extras-errors.ts';
import { customerExtrasRoutes } from './extras-routes.ts';
import { customers } from './schema.ts';

export interface ExtrasFixture {
  t: TestApp;
  teamId: string;
  admin: { userId: string; token: string };
  salesA: { userId: string; token: string };
  salesB: { userId: string; token: string };
  viewer: { userId: string; token: string };
  call(method: string, path: string, token: string, body?: unknown, locale?: string): Promise<Response>;
}

/** An app with only the extras routes, an admin, two sales users in one team and a viewer. */
export async function createExtrasFixture(): Promise<ExtrasFixture> {
  registerErrors(customerExtrasErrors);
  const t = await createTestApp([{ name: 'customer-extras', routes: customerExtrasRoutes }]);
  const team = await createTeam(t.testDb.database.db, systemActor('cli'), { name: 'ทีมขาย' });
  return {
    t,
    teamId: team.id,
    admin: await t.userWithToken('admin'),
    salesA: await t.userWithToken('sales', { teamId: team.id }),
    salesB: await t.userWithToken('sales', { teamId: team.id }),
    viewer: await t.userWithToken('viewer'),
    call: async (method, path, token, body, locale = 'en') =>
      await t.app.request(`/api/v1${path}`, jsonRequest(method, body, bearer(token, { 'accept-language': locale }))),
  };
}

/** Inserts a customer directly (the create use case belongs to another file's tests). */
export async function insertCustomer(
  db: DbOrTx,
  values: Partial<typeof customers.$inferInsert> & { displayName: string },
): Promise<string> {
  const [row] = await db.insert(customers).values(values).returning({ id: customers.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

export interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: { path: string; message: string }[];
}

export async function problemOf(res: Response, status: number): Promise<Problem> {
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = (await res.json()) as Problem;
  expect({ status: res.status, code: body.code }).toMatchObject({ status });
  return body;
}
