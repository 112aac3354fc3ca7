import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../core/audit/schema.ts';
import type { Db } from '../../core/db/database.ts';
import type { ContactLinkView, ContactList } from './company-contact-input.ts';
import { createExtrasFixture, type ExtrasFixture, insertCustomer, problemOf } from './extras-testing.ts';
import { companyContacts } from './schema.ts';

let f: ExtrasFixture;
let db: Db;
let company: string;
let person: string;
let person2: string;
let othersPerson: string;
let othersCompany: string;

beforeAll(async () => {
  f = await createExtrasFixture();
  db = f.t.testDb.database.db;
  const a = f.salesA.userId;
  company = await insertCustomer(db, { kind: 'company', displayName: 'บริษัท สยามค้าส่ง จำกัด', ownerId: a });
  person = await insertCustomer(db, { displayName: 'สมหญิง รักดี', ownerId: a });
  person2 = await insertCustomer(db, { displayName: 'กมล ศรีสุข', ownerId: a });
  othersPerson = await insertCustomer(db, { displayName: 'ของคนอื่น', ownerId: f.salesB.userId });
  othersCompany = await insertCustomer(db, { kind: 'company', displayName: 'บริษัทอื่น', ownerId: f.salesB.userId });
});
afterAll(() => f.t.close());

async function linkCount() {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(companyContacts);
  return row?.n;
}

describe('buying centre API', () => {
  it('links a person to a company with a role (201) and audits it', async () => {
    const res = await f.call('POST', `/customers/${company}/contacts`, f.salesA.token, {
      personId: person,
      role: 'decision_maker',
      jobTitle: ' ผู้จัดการฝ่ายจัดซื้อ ',
    });
    expect(res.status).toBe(201);
    expect((await res.json()) as ContactLinkView).toMatchObject({
      companyId: company,
      personId: person,
      role: 'decision_maker',
      jobTitle: 'ผู้จัดการฝ่ายจัดซื้อ',
    });
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, company), eq(auditLog.action, 'contact_link')));
    expect(audits).toHaveLength(1);
  });

  it('refuses a second link of the same pair, wrong kinds, self links and bad roles; writes nothing', async () => {
    const before = await linkCount();
    const again = await f.call('POST', `/customers/${company}/contacts`, f.salesA.token, {
      personId: person,
      role: 'buyer',
    });
    expect((await problemOf(again, 409)).code).toBe('contact_exists');
    const toPerson = await f.call('POST', `/customers/${person2}/contacts`, f.salesA.token, {
      personId: person,
      role: 'buyer',
    });
    expect((await problemOf(toPerson, 422)).code).toBe('contact_not_company');
    const companyAsPerson = await f.call(
      'POST',
      `/customers/${company}/contacts`,
      f.salesA.token,
      { personId: company, role: 'buyer' },
      'th',
    );
    const self = await problemOf(companyAsPerson, 422);
    expect(self.code).toBe('contact_self_link');
    expect(self.detail).toMatch(/ตัวเอง/);
    const badRole = await f.call('POST', `/customers/${company}/contacts`, f.salesA.token, {
      personId: person2,
      role: 'boss',
    });
    expect((await problemOf(badRole, 400)).errors?.map((e) => e.path)).toEqual(['role']);
    expect(await linkCount()).toBe(before);
  });

  it('refuses a company as the contact, and records the caller may not see (404)', async () => {
    const before = await linkCount();
    const other = await insertCustomer(db, { kind: 'company', displayName: 'อีกบริษัท', ownerId: f.salesA.userId });
    const companyAsContact = await f.call('POST', `/customers/${company}/contacts`, f.salesA.token, {
      personId: other,
      role: 'user',
    });
    expect((await problemOf(companyAsContact, 422)).code).toBe('contact_not_person');
    const hiddenPerson = await f.call('POST', `/customers/${company}/contacts`, f.salesA.token, {
      personId: othersPerson,
      role: 'user',
    });
    expect((await problemOf(hiddenPerson, 404)).code).toBe('not_found');
    const hiddenCompany = await f.call('POST', `/customers/${othersCompany}/contacts`, f.salesA.token, {
      personId: person,
      role: 'user',
    });
    expect((await problemOf(hiddenCompany, 404)).code).toBe('not_found');
    const viewer = await f.call('POST', `/customers/${company}/contacts`, f.viewer.token, {
      personId: person2,
      role: 'user',
    });
    expect((await problemOf(viewer, 403)).code).toBe('forbidden');
    expect(await linkCount()).toBe(before);
  });

  it("lists a company's people and a person's companies, counting the ones the caller may not see", async () => {
    await f.call('POST', `/customers/${company}/contacts`, f.salesA.token, { personId: person2, role: 'influencer' });
    await f.call('POST', `/customers/${othersCompany}/contacts`, f.salesB.token, {
      personId: othersPerson,
      role: 'buyer',
    });
    // An admin links salesB's person to salesA's company: salesA sees the company, not the person.
    const linked = await f.call('POST', `/customers/${company}/contacts`, f.admin.token, {
      personId: othersPerson,
      role: 'gatekeeper',
    });
    expect(linked.status).toBe(201);
    const list = (await (await f.call('GET', `/customers/${company}/contacts`, f.salesA.token)).json()) as ContactList;
    expect(list.kind).toBe('company');
    expect(list.items.map((i) => [i.customer.displayName, i.role])).toEqual([
      ['กมล ศรีสุข', 'influencer'],
      ['สมหญิง รักดี', 'decision_maker'],
    ]);
    expect(list.hidden).toBe(1);
    const all = (await (await f.call('GET', `/customers/${company}/contacts`, f.admin.token)).json()) as ContactList;
    expect(all.items).toHaveLength(3);
    expect(all.hidden).toBe(0);
    const ofPerson = (await (
      await f.call('GET', `/customers/${othersPerson}/contacts`, f.salesB.token)
    ).json()) as ContactList;
    expect(ofPerson.kind).toBe('person');
    expect(ofPerson.items.map((i) => i.customer.displayName)).toEqual(['บริษัทอื่น']);
    expect(ofPerson.hidden).toBe(1);
  });

  it('changes a role and removes a link', async () => {
    const res = await f.call('PATCH', `/customers/${company}/contacts/${person2}`, f.salesA.token, {
      role: 'buyer',
      jobTitle: 'จัดซื้อ',
    });
    expect(res.status).toBe(200);
    expect((await res.json()) as ContactLinkView).toMatchObject({ role: 'buyer', jobTitle: 'จัดซื้อ' });
    const bad = await f.call('PATCH', `/customers/${company}/contacts/${person2}`, f.salesA.token, { role: 'boss' });
    await problemOf(bad, 400);
    const hidden = await f.call('DELETE', `/customers/${company}/contacts/${othersPerson}`, f.salesA.token);
    expect((await problemOf(hidden, 404)).code).toBe('not_found');
    const removed = await f.call('DELETE', `/customers/${company}/contacts/${person2}`, f.salesA.token);
    expect(removed.status).toBe(204);
    const again = await f.call('DELETE', `/customers/${company}/contacts/${person2}`, f.salesA.token);
    expect((await problemOf(again, 404)).code).toBe('not_found');
    const actions = (
      await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, company))
    ).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['contact_update', 'contact_unlink']));
  });
});
