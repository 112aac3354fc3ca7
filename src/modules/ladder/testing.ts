/** Test fixtures for the ladder module (used by *.test.ts only). */
import { bearer, createTestApp, jsonRequest, type TestApp } from '../../../test/support/test-app.ts';
import { registerErrors } from '../../core/errors/catalog.ts';
import { activitiesModule, recordActivities } from '../activities/index.ts';
import { customers, customersModule } from '../customers/index.ts';
import { ladderModule } from './index.ts';

export interface LadderFixture {
  t: TestApp;
  admin: { userId: string; token: string };
  salesA: { userId: string; token: string };
  salesB: { userId: string; token: string };
  viewer: { userId: string; token: string };
  call(method: string, path: string, token: string, body?: unknown, lang?: string): Promise<Response>;
  customer(values: Partial<typeof customers.$inferInsert> & { displayName: string }): Promise<string>;
  orders(customerId: string, n: number, status?: string): Promise<void>;
}

export async function createLadderFixture(): Promise<LadderFixture> {
  for (const m of [customersModule, activitiesModule, ladderModule]) registerErrors(m.errors ?? {});
  const t = await createTestApp([customersModule, activitiesModule, ladderModule]);
  const { db } = t.testDb.database;
  return {
    t,
    admin: await t.userWithToken('admin'),
    salesA: await t.userWithToken('sales'),
    salesB: await t.userWithToken('sales'),
    viewer: await t.userWithToken('viewer'),
    call: async (method, path, token, body, lang = 'en') =>
      t.app.request(`/api/v1${path}`, jsonRequest(method, body, bearer(token, { 'accept-language': lang }))),
    async customer(values) {
      const [row] = await db.insert(customers).values(values).returning({ id: customers.id });
      if (!row) throw new Error('no customer');
      return row.id;
    },
    async orders(customerId, n, status) {
      await recordActivities(
        db,
        Array.from({ length: n }, (_, i) => ({
          customerId,
          kind: 'order',
          subject: `Order ${i + 1}`,
          data: status ? { status } : {},
        })),
      );
    },
  };
}
