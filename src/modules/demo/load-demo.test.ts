import { and, eq, inArray, isNotNull, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonRequest } from '../../../test/support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { auditLog } from '../../core/audit/schema.ts';
import { verifyPassword } from '../../core/auth/password.ts';
import { systemActor } from '../../core/auth/principal.ts';
import { users } from '../../core/auth/schema.ts';
import { loadConfig } from '../../core/config.ts';
import { coreModules } from '../../core/core-module.ts';
import type { Db } from '../../core/db/database.ts';
import { outbox } from '../../core/events/schema.ts';
import type { AppDeps } from '../../core/http/app-env.ts';
import { createApp } from '../../core/http/create-app.ts';
import { createLogger } from '../../core/logger.ts';
import { customerIdentities, customers, listCustomers } from '../customers/index.ts';
import { actorFor } from '../customers/testing.ts';
import { loadDemoData } from '../index.ts';
import { DEMO_PASSWORD, DEMO_STAFF } from './demo-business.ts';
import { generateDemo } from './generate-demo.ts';
import { DEMO_LOADED, loadDemo } from './load-demo.ts';

const now = new Date('2025-06-01T00:00:00Z');
let testDb: TestDatabase;
let db: Db;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.database.db;
});
afterAll(() => testDb.cleanup());

async function count(table: typeof customers | typeof users, where?: ReturnType<typeof eq>) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table).where(where);
  return row?.n ?? 0;
}

describe('loadDemo', () => {
  it('loads teams, staff and customers into a fresh database from the command line', async () => {
    const result = await loadDemo(db, systemActor('cli'), { customers: 250, seed: 5, now, batchSize: 100 });
    expect(result.teams).toEqual({ added: 4, existing: 0 });
    expect(result.staff).toEqual({ added: DEMO_STAFF.length, existing: 0 });
    expect(result.customers).toEqual({ added: 250, skipped: 0 });
    expect(await count(customers)).toBe(250);
    expect(await count(users)).toBe(DEMO_STAFF.length);

    // the rows are the generated ones, owned by the staff user and in their team
    const expected = generateDemo({ seed: 5, customers: 250, now }).customers;
    const rows = await db
      .select({ c: customers, ownerEmail: users.email, ownerTeam: users.teamId })
      .from(customers)
      .innerJoin(users, eq(users.id, customers.ownerId));
    expect(rows).toHaveLength(250);
    const byPhone = new Map(rows.map((r) => [r.c.phone, r]));
    for (const e of expected) {
      const row = byPhone.get(e.phone);
      expect(row?.ownerEmail).toBe(e.ownerEmail);
      expect(row?.c.teamId).toBe(row?.ownerTeam);
      expect(row?.c).toMatchObject({
        displayName: e.displayName,
        tags: e.tags,
        postcode: e.postcode,
        lineId: e.lineId,
        gender: e.gender,
        birthday: e.birthday,
        customerType: e.customerType,
        interests: e.interests,
      });
      expect(row?.c.searchText).not.toBe('');
      expect(row?.c.createdAt.toISOString()).toBe(e.createdAt.toISOString());
    }

    // staff were made through createUser: audited, and they can sign in with the demo password
    const staffAudit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'user'), eq(auditLog.action, 'create')));
    expect(staffAudit).toHaveLength(DEMO_STAFF.length);
    const [somchai] = await db.select().from(users).where(eq(users.email, 'somchai.s@demo.sampan.local'));
    expect(somchai?.role).toBe('sales');
    expect(await verifyPassword(DEMO_PASSWORD, somchai?.passwordHash ?? '')).toBe(true);

    const batches = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'demo_load'), eq(auditLog.entityType, 'customer')));
    expect(batches.map((b) => b.changes?.count?.after)).toEqual([100, 100, 50]);
    const [event] = await db.select().from(outbox).where(eq(outbox.topic, DEMO_LOADED));
    expect(event?.payload).toEqual({ seed: 5, customers: 250, orders: expect.any(Number) });
    // Announced after the orders, so whoever listens sees the whole book.
    expect(Number((event?.payload as { orders?: number } | undefined)?.orders)).toBeGreaterThan(0);
  });

  it('adds nothing twice when loaded again, and only new customers for another seed', async () => {
    const again = await loadDemo(db, systemActor('cli'), { customers: 250, seed: 5, now });
    expect(again.teams).toEqual({ added: 0, existing: 4 });
    expect(again.staff).toEqual({ added: 0, existing: DEMO_STAFF.length });
    expect(again.customers).toEqual({ added: 0, skipped: 250 });
    expect(await count(users, like(users.email, '%@demo.sampan.local'))).toBe(DEMO_STAFF.length);
    expect(await count(customers)).toBe(250);

    const other = await loadDemo(db, systemActor('cli'), { customers: 40, seed: 6, now });
    expect(other.staff.added).toBe(0);
    expect(other.customers.added + other.customers.skipped).toBe(40);
    expect(other.customers.added).toBeGreaterThanOrEqual(39);
    expect(await count(customers)).toBe(250 + other.customers.added);
  });

  it('gives demo customers primary identities, so search finds them by name, phone, email and LINE', async () => {
    const [phones] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(customerIdentities)
      .where(and(eq(customerIdentities.kind, 'phone'), eq(customerIdentities.isPrimary, true)));
    expect(phones?.n).toBe(await count(customers));
    const [sample] = await db
      .select()
      .from(customers)
      .where(and(isNotNull(customers.email), isNotNull(customers.lineId)))
      .limit(1);
    if (!sample?.phone || !sample.email || !sample.lineId) throw new Error('no sample');
    const admin = actorFor({ id: '00000000-0000-0000-0000-000000000001', teamId: null, email: 'a@x' }, 'admin');
    const national = `0${sample.phone.slice(3)}`;
    for (const q of [sample.displayName, national, national.slice(-4), sample.email, sample.lineId]) {
      const page = await listCustomers(db, admin, { limit: 200, q });
      expect(
        page.items.map((c) => c.id),
        q,
      ).toContain(sample.id);
    }
  });

  it('gives each sales person only their own customers through the real list', async () => {
    const salesRows = await db
      .select()
      .from(users)
      .where(inArray(users.email, ['somchai.s@demo.sampan.local', 'anucha.p@demo.sampan.local']));
    for (const u of salesRows) {
      const page = await listCustomers(db, actorFor(u, 'sales'), { limit: 200 });
      expect(page.items.length).toBeGreaterThan(0);
      for (const c of page.items) expect(c.ownerId).toBe(u.id);
    }
  });

  it('refuses a caller who may not create staff', async () => {
    const [viewer] = await db.select().from(users).where(eq(users.email, 'mali.s@demo.sampan.local'));
    if (!viewer) throw new Error('no viewer');
    await expect(loadDemo(db, actorFor(viewer, 'viewer'), { customers: 1 })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});

describe('first-run setup with demo data', () => {
  it('loads 200 customers as the new owner when the setup form asks for the demo', async () => {
    const fresh = await createTestDatabase();
    try {
      const deps: AppDeps = {
        database: fresh.database,
        config: loadConfig({}, { dataDir: '/tmp/sampan-test-unused' }),
        logger: createLogger('silent'),
        version: 'test',
      };
      // wired as src/server.ts does
      const modules = coreModules({ loadDemo: (actor) => loadDemoData(fresh.database.db, actor, {}) });
      const app = createApp(
        deps,
        modules.flatMap((m) => (m.routes ? [m.routes] : [])),
      );
      const res = await app.request(
        '/api/v1/setup',
        jsonRequest('POST', {
          name: 'เจ้าของร้าน',
          email: 'owner@example.com',
          password: 'password-123',
          companyName: 'บ้านขนม',
          demo: true,
        }),
      );
      expect(res.status).toBe(201);
      const setupDb = fresh.database.db;
      const [row] = await setupDb.select({ n: sql<number>`count(*)::int` }).from(customers);
      expect(row?.n).toBe(200);
      const [owner] = await setupDb.select().from(users).where(eq(users.email, 'owner@example.com'));
      const [byOwner] = await setupDb
        .select({ n: sql<number>`count(*)::int` })
        .from(auditLog)
        .where(
          and(
            eq(auditLog.actorId, owner?.id ?? ''),
            eq(auditLog.action, 'demo_load'),
            eq(auditLog.entityType, 'customer'),
          ),
        );
      expect(byOwner?.n).toBe(1);
    } finally {
      await fresh.cleanup();
    }
  });
});
