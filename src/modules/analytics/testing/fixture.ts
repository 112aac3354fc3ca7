/** Test fixtures for the analytics module (used by *.test.ts only). */
import { sql } from 'drizzle-orm';
import { bearer, createTestApp, jsonRequest, type TestApp } from '../../../../test/support/test-app.ts';
import { rowsOf } from '../../../core/db/rows-of.ts';
import { registerErrors } from '../../../core/errors/catalog.ts';
import { customersModule } from '../../customers/index.ts';
import { ordersModule } from '../../orders/index.ts';
import { analyticsModule } from '../index.ts';

export interface AnalyticsFixture {
  t: TestApp;
  admin: { userId: string; token: string };
  call(method: string, path: string, token: string, body?: unknown, lang?: string): Promise<Response>;
  customer(name: string, ownerId?: string | null): Promise<string>;
  /** An order at an instant (ISO), total in satang, paid unless told otherwise. */
  order(customerId: string, at: string, totalSatang: number, status?: string, refundedSatang?: number): Promise<void>;
}

let seq = 0;

export async function createAnalyticsFixture(): Promise<AnalyticsFixture> {
  const modules = [customersModule, ordersModule, analyticsModule];
  for (const m of modules) registerErrors(m.errors ?? {});
  const t = await createTestApp(modules);
  const { db } = t.testDb.database;
  return {
    t,
    admin: await t.userWithToken('admin'),
    call: async (method, path, token, body, lang = 'en') =>
      t.app.request(`/api/v1${path}`, jsonRequest(method, body, bearer(token, { 'accept-language': lang }))),
    async customer(name, ownerId = null) {
      const [row] = await rowsOf<{ id: string }>(
        db,
        sql`insert into customers (display_name, owner_id) values (${name}, ${ownerId}) returning id::text`,
      );
      if (!row) throw new Error('no customer');
      return row.id;
    },
    async order(customerId, at, totalSatang, status = 'paid', refundedSatang = 0) {
      seq += 1;
      const paid = status === 'pending' || status === 'cancelled' ? 0 : totalSatang;
      await db.execute(
        sql`insert into orders (customer_id, source, external_id, status, currency, ordered_at, subtotal_satang,
              vat_satang, total_satang, paid_satang, refunded_satang, content_hash)
            values (${customerId}, 'manual', ${`t-${seq}`}, ${status}, 'THB', ${at}::timestamptz, ${totalSatang}, 0,
              ${totalSatang}, ${paid}, ${refundedSatang}, ${`h-${seq}`})`,
      );
    },
  };
}
