import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, jsonRequest, type TestApp } from '../../../test/support/test-app.ts';
import type { Db } from '../../core/db/database.ts';
import { registerErrors } from '../../core/errors/catalog.ts';
import { recordActivity } from '../activities/index.ts';
import { consentModule, mayContact } from '../consent/index.ts';
import { customerAddresses, customerIdentities, customers, customersModule } from '../customers/index.ts';
import { privacyModule } from './index.ts';
import { dataSubjectRequests } from './schema.ts';
import { ERASED_NAME } from './scrub-customer-data.ts';

let t: TestApp;
let db: Db;
let sales: { userId: string; token: string };
let otherSales: { userId: string; token: string };
let viewer: { userId: string; token: string };
let admin: { userId: string; token: string };
let id: string;
let keptId: string;
let tombstoneId: string;

const PERSONAL = [
  'สมหญิง',
  'รักสะอาด',
  'Somying',
  '0891234567',
  '+66891234567',
  '891234567',
  'somying@example.com',
  'U4af4980629',
  'ซอยสุขุมวิท',
  'ชอบกาแฟ',
];

const post = (path: string, body: unknown, token: string) =>
  t.app.request(path, jsonRequest('POST', body, bearer(token)));
const get = (path: string, token: string) =>
  t.app.request(path, { headers: bearer(token, { 'accept-language': 'en' }) });

async function createPerson(token: string, person: Record<string, string>) {
  const res = await post('/api/v1/customers', person, token);
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

beforeAll(async () => {
  for (const m of [customersModule, consentModule, privacyModule]) registerErrors(m.errors ?? {});
  t = await createTestApp([customersModule, consentModule, privacyModule]);
  db = t.testDb.database.db;
  sales = await t.userWithToken('sales');
  otherSales = await t.userWithToken('sales');
  viewer = await t.userWithToken('viewer');
  admin = await t.userWithToken('admin');
  // A table of a module this one does not know: orders with a customer_id and a free-text note.
  await db.execute(sql`create table scratch_orders (
    id uuid primary key default gen_random_uuid(), customer_id uuid not null, total_satang integer not null,
    note text, created_at timestamptz not null default now())`);
  id = await createPerson(sales.token, {
    firstName: 'สมหญิง',
    lastName: 'รักสะอาด',
    firstNameEn: 'Somying',
    phone: '089-123-4567',
    email: 'somying@example.com',
    lineId: 'U4af4980629',
  });
  keptId = await createPerson(sales.token, {
    firstName: 'มานะ',
    lastName: 'มั่นคง',
    phone: '0822222222',
    email: 'mana@example.com',
  });
  // A profile merged into this one earlier (its tombstone kept for unmerge) is the same person.
  tombstoneId = await createPerson(sales.token, {
    firstName: 'สมหญิง',
    phone: '0891239999',
    email: 'somying.old@example.com',
  });
  await db.update(customers).set({ status: 'merged', mergedIntoId: id }).where(eq(customers.id, tombstoneId));
  const patch = await t.app.request(
    `/api/v1/customers/${id}`,
    jsonRequest('PATCH', { nickname: 'หญิง' }, bearer(sales.token)),
  );
  expect(patch.status).toBe(200);
  await db
    .insert(customerAddresses)
    .values({ customerId: id, label: 'home', addressLine: '12 ซอยสุขุมวิท 11', province: 'กรุงเทพมหานคร' });
  await db.transaction((tx) =>
    recordActivity(tx, { customerId: id, kind: 'note', subject: 'ชอบกาแฟ', body: 'สมหญิง ชอบกาแฟดำ' }),
  );
  expect(
    (
      await post(
        `/api/v1/customers/${id}/consents`,
        { purpose: 'marketing', channel: 'any', status: 'granted' },
        sales.token,
      )
    ).status,
  ).toBe(201);
  // Another profile's timeline names this person's phone: an inbound record for มานะ carried it.
  await db.transaction((tx) =>
    recordActivity(tx, {
      customerId: keptId,
      kind: 'identity_match',
      data: {
        rule: 'email',
        kind: 'email',
        value: 'mana@example.com',
        channel: 'api',
        created: false,
        conflicts: [{ kind: 'phone', system: '', value: '+66891234567', customerId: id }],
      },
    }),
  );
  await db.execute(sql`insert into scratch_orders (customer_id, total_satang, note) values
    (${id}, 125000, 'ส่งให้สมหญิงที่ซอยสุขุมวิท'), (${id}, 99000, null), (${keptId}, 5000, 'มานะ')`);
});
afterAll(() => t.close());

describe('data export (PDPA access)', () => {
  it('returns everything held about the person, including tables found in the catalog, and records the request', async () => {
    const res = await get(`/api/v1/customers/${id}/data-export`, sales.token);
    expect(res.status).toBe(200);
    const data = (await res.json()) as Record<string, unknown> & {
      profile: Record<string, unknown>;
      identities: { kind: string; value: string }[];
      addresses: unknown[];
      activities: unknown[];
      consentHistory: unknown[];
      otherTables: Record<string, { total_satang: number }[]>;
      auditTrail: unknown[];
    };
    expect(data.profile).toMatchObject({ first_name: 'สมหญิง', email: 'somying@example.com' });
    expect(data.profile).not.toHaveProperty('search_text');
    expect(data.identities.map((i) => i.kind).sort()).toEqual(expect.arrayContaining(['email', 'phone']));
    expect(data.addresses).toHaveLength(1);
    expect(data.consentHistory).toHaveLength(1);
    expect(data.activities.length).toBeGreaterThanOrEqual(2);
    expect(data.otherTables.scratch_orders?.map((o) => o.total_satang).sort((a, b) => a - b)).toEqual([99000, 125000]);
    expect(data.auditTrail.length).toBeGreaterThanOrEqual(2);
    const requests = await db.select().from(dataSubjectRequests).where(eq(dataSubjectRequests.customerId, id));
    expect(requests.map((r) => r.kind)).toEqual(['export']);
    expect(JSON.stringify(requests)).not.toContain('สมหญิง');
  });

  it('offers a readable bilingual summary', async () => {
    const res = await get(`/api/v1/customers/${id}/data-export.txt`, sales.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toContain('Summary of the personal data we hold');
    expect(text).toContain('สรุปข้อมูลส่วนบุคคล');
    expect(text).toContain('ชื่อ / First name: สมหญิง');
    expect(text).toContain('scratch_orders (2)');
  });

  it('is refused to roles without export (403) and hidden outside the caller’s scope (404)', async () => {
    expect((await get(`/api/v1/customers/${id}/data-export`, viewer.token)).status).toBe(403);
    expect((await get(`/api/v1/customers/${id}/data-export`, otherSales.token)).status).toBe(404);
  });
});

describe('erasure (PDPA)', () => {
  it('refuses without confirm: true (per-field error in Thai and English) and roles without delete, changing nothing', async () => {
    const unconfirmed = await post(`/api/v1/customers/${id}/erase`, { reason: 'asked' }, admin.token);
    expect(unconfirmed.status).toBe(400);
    expect(((await unconfirmed.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([
      'confirm',
    ]);
    const th = await t.app.request(
      `/api/v1/customers/${id}/erase`,
      jsonRequest('POST', { confirm: false }, bearer(admin.token, { 'accept-language': 'th' })),
    );
    expect(((await th.json()) as { errors: { message: string }[] }).errors[0]?.message).toBe(
      'ต้องเป็น true เพื่อยืนยันการลบข้อมูล',
    );
    expect((await post(`/api/v1/customers/${id}/erase`, { confirm: true }, sales.token)).status).toBe(403);
    const [row] = await db.select().from(customers).where(eq(customers.id, id));
    expect(row?.status).toBe('active');
    expect(row?.firstName).toBe('สมหญิง');
  });

  it('erases personal data everywhere, keeps aggregates, and records that erasure happened', async () => {
    const res = await post(`/api/v1/customers/${id}/erase`, { confirm: true, reason: 'request by email' }, admin.token);
    expect(res.status).toBe(200);
    const result = (await res.json()) as { requestId: string; counts: Record<string, number> };
    expect(result.counts).toMatchObject({ scratch_orders: 2, customer_addresses: 1, consent_records: 1 });
    expect(result.counts.audit_log_scrubbed).toBeGreaterThanOrEqual(4);
    expect(result.counts.merged_profiles).toBe(1);
    const [tombstone] = await db.select().from(customers).where(eq(customers.id, tombstoneId));
    expect(tombstone).toMatchObject({ status: 'erased', firstName: null, email: null, phone: null, mergedIntoId: id });

    const [row] = await db.select().from(customers).where(eq(customers.id, id));
    expect(row).toMatchObject({
      status: 'erased',
      displayName: ERASED_NAME,
      firstName: null,
      lastName: null,
      firstNameEn: null,
      nickname: null,
      email: null,
      phone: null,
      lineId: null,
      searchText: '',
      customFields: {},
      tags: [],
    });
    expect(await db.select().from(customerIdentities).where(eq(customerIdentities.customerId, id))).toEqual([]);

    // Search by the old name, phone or email finds nothing (and the other customer still does).
    for (const q of ['สมหญิง', 'Somying', '0891234567', '4567', 'somying@example.com']) {
      const list = (await (await get(`/api/v1/customers?q=${encodeURIComponent(q)}`, admin.token)).json()) as {
        items: { id: string }[];
      };
      expect(list.items.map((i) => i.id)).not.toContain(id);
    }
    const mana = (await (await get(`/api/v1/customers?q=${encodeURIComponent('มานะ')}`, admin.token)).json()) as {
      items: { id: string }[];
    };
    expect(mana.items.map((i) => i.id)).toContain(keptId);

    // The export now shows nothing personal.
    const exported = JSON.stringify(await (await get(`/api/v1/customers/${id}/data-export`, admin.token)).json());
    for (const p of PERSONAL) expect(exported).not.toContain(p);

    // Nothing personal left in any audit entry; the erase entry exists without the data.
    const audit = await t.testDb.database.query<{ action: string; changes: unknown }>(
      `select action, changes from audit_log where entity_type = 'customer' and entity_id = $1 order by id`,
      [id],
    );
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['create', 'update', 'consent', 'data_export', 'erase']),
    );
    expect(audit.find((a) => a.action === 'erase')).toEqual({
      action: 'erase',
      changes: { request: { before: null, after: result.requestId } },
    });
    const allAudit = JSON.stringify(await t.testDb.database.query('select * from audit_log'));
    for (const p of PERSONAL) expect(allAudit).not.toContain(p);
    expect(allAudit).toContain('มานะ');

    // Aggregates kept: orders counted and summed, their free text gone; timeline keeps kind and time.
    const orders = await t.testDb.database.query<{
      n: number | string;
      total: number | string;
      notes: number | string;
    }>(
      'select count(*) as n, sum(total_satang) as total, count(note) as notes from scratch_orders where customer_id = $1',
      [id],
    );
    expect(orders[0]).toMatchObject({ n: 2, total: 224000, notes: 0 });
    const kept = await t.testDb.database.query<{ note: string }>(
      'select note from scratch_orders where customer_id = $1',
      [keptId],
    );
    expect(kept[0]?.note).toBe('มานะ');
    const timeline = await t.testDb.database.query<{ kind: string; subject: string | null; body: string | null }>(
      'select kind, subject, body from activities where customer_id = $1',
      [id],
    );
    expect(timeline.map((a) => a.kind)).toContain('note');
    expect(timeline.every((a) => a.subject === null && a.body === null)).toBe(true);
    // The other profile's record of the conflict keeps that there was one, not the value.
    const others = await t.testDb.database.query<{ data: { conflicts: Record<string, unknown>[] } }>(
      `select data from activities where customer_id = $1 and kind = 'identity_match'`,
      [keptId],
    );
    const conflicts = others.flatMap((a) => a.data.conflicts ?? []);
    expect(conflicts).toEqual([{ kind: 'phone', system: '', value: null, customerId: id }]);
    expect(JSON.stringify(others)).toContain('mana@example.com');

    const requests = await db.select().from(dataSubjectRequests).where(eq(dataSubjectRequests.customerId, id));
    expect(requests.map((r) => r.kind).sort()).toEqual(['erase', 'export', 'export', 'export']);
    expect((await mayContact(db, { customerId: id, channel: 'email', purpose: 'service_updates' })).reason).toBe(
      'profile_inactive',
    );
  });

  it('refuses a second erasure with a clear coded error', async () => {
    const again = await t.app.request(
      `/api/v1/customers/${id}/erase`,
      jsonRequest('POST', { confirm: true }, bearer(admin.token, { 'accept-language': 'en' })),
    );
    expect(again.status).toBe(409);
    const body = (await again.json()) as { code: string; detail: string };
    expect(body.code).toBe('customer_already_erased');
    expect(body.detail).toMatch(/already erased on \d{4}-/);
  });
});
