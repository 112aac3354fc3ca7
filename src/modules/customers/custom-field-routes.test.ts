import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../core/audit/schema.ts';
import type { Db } from '../../core/db/database.ts';
import type { CustomFieldView } from './custom-field-input.ts';
import { createExtrasFixture, type ExtrasFixture, insertCustomer, problemOf } from './extras-testing.ts';
import { customFieldDefinitions } from './schema.ts';

let f: ExtrasFixture;
let db: Db;

beforeAll(async () => {
  f = await createExtrasFixture();
  db = f.t.testDb.database.db;
});
afterAll(() => f.t.close());

async function definitionCount() {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(customFieldDefinitions);
  return row?.n;
}

const tier = {
  key: 'member_tier',
  labelTh: 'ระดับสมาชิก',
  labelEn: 'Member tier',
  type: 'select',
  options: [
    { value: 'gold', th: 'ทอง', en: 'Gold' },
    { value: 'silver', th: 'เงิน', en: 'Silver' },
  ],
  appliesTo: 'person',
  position: 2,
};

describe('custom field definitions API', () => {
  let tierId: string;

  it('lets an admin define a field (201) and audits it', async () => {
    const res = await f.call('POST', '/custom-fields', f.admin.token, tier);
    expect(res.status).toBe(201);
    const body = (await res.json()) as CustomFieldView;
    expect(body).toMatchObject({ key: 'member_tier', type: 'select', required: false, archived: false, position: 2 });
    tierId = body.id;
    const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, tierId));
    expect(audits.map((a) => a.action)).toEqual(['create']);
  });

  it('refuses a key already used (409) and writes nothing', async () => {
    const before = await definitionCount();
    const res = await f.call('POST', '/custom-fields', f.admin.token, { ...tier, labelEn: 'Again' }, 'th');
    const p = await problemOf(res, 409);
    expect(p.code).toBe('custom_field_key_taken');
    expect(p.detail).toContain('member_tier');
    expect(await definitionCount()).toBe(before);
  });

  it('refuses bad input per field in English and Thai', async () => {
    const bad = { key: 'Bad Key!', labelTh: '', labelEn: 'x', type: 'select', options: [] };
    const en = await problemOf(await f.call('POST', '/custom-fields', f.admin.token, bad), 400);
    expect(en.errors?.map((e) => e.path).sort()).toEqual(['key', 'labelTh', 'options']);
    expect(en.errors?.find((e) => e.path === 'key')?.message).toMatch(/a–z/);
    const th = await problemOf(await f.call('POST', '/custom-fields', f.admin.token, bad, 'th'), 400);
    expect(th.errors?.find((e) => e.path === 'key')?.message).toMatch(/คีย์/);
    const dup = await problemOf(
      await f.call('POST', '/custom-fields', f.admin.token, {
        ...tier,
        key: 'dup_options',
        options: [tier.options[0], tier.options[0]],
      }),
      400,
    );
    expect(dup.errors?.map((e) => e.path)).toEqual(['options.1.value']);
    const textWithOptions = await problemOf(
      await f.call('POST', '/custom-fields', f.admin.token, { ...tier, key: 'notes', type: 'text' }),
      400,
    );
    expect(textWithOptions.errors?.map((e) => e.path)).toEqual(['options']);
  });

  it('refuses non-admins (403), but anyone with customer access lists definitions', async () => {
    const res = await f.call('POST', '/custom-fields', f.salesA.token, { ...tier, key: 'by_sales' });
    expect((await problemOf(res, 403)).code).toBe('forbidden');
    const patch = await f.call('PATCH', `/custom-fields/${tierId}`, f.viewer.token, { labelEn: 'X' });
    expect((await problemOf(patch, 403)).code).toBe('forbidden');
    const list = await f.call('GET', '/custom-fields', f.viewer.token);
    expect(list.status).toBe(200);
    expect(((await list.json()) as { items: CustomFieldView[] }).items.map((d) => d.key)).toEqual(['member_tier']);
  });

  it('changes labels, options and required; changes the type only while no customer holds a value', async () => {
    const res = await f.call('PATCH', `/custom-fields/${tierId}`, f.admin.token, {
      labelEn: 'Tier',
      required: true,
      options: [...tier.options, { value: 'platinum', th: 'แพลทินัม', en: 'Platinum' }],
    });
    expect(res.status).toBe(200);
    expect((await res.json()) as CustomFieldView).toMatchObject({
      labelEn: 'Tier',
      labelTh: 'ระดับสมาชิก',
      required: true,
    });
    const toText = await f.call('PATCH', `/custom-fields/${tierId}`, f.admin.token, { type: 'text' });
    expect(toText.status).toBe(200);
    expect(((await toText.json()) as CustomFieldView).options).toEqual([]);
    const back = await f.call('PATCH', `/custom-fields/${tierId}`, f.admin.token, { type: 'select' });
    const needs = await problemOf(back, 400);
    expect(needs.errors?.map((e) => e.path)).toEqual(['options']);
    await f.call('PATCH', `/custom-fields/${tierId}`, f.admin.token, { type: 'select', options: tier.options });
    await insertCustomer(db, { displayName: 'มีค่า', customFields: { member_tier: 'gold' } });
    const locked = await problemOf(
      await f.call('PATCH', `/custom-fields/${tierId}`, f.admin.token, { type: 'multi_select' }),
      409,
    );
    expect(locked.code).toBe('custom_field_type_locked');
    const [row] = await db.select().from(customFieldDefinitions).where(eq(customFieldDefinitions.id, tierId));
    expect(row?.type).toBe('select');
  });

  it('writes no audit entry when a change changes nothing', async () => {
    const before = await db.select().from(auditLog).where(eq(auditLog.entityId, tierId));
    const res = await f.call('PATCH', `/custom-fields/${tierId}`, f.admin.token, { labelEn: 'Tier' });
    expect(res.status).toBe(200);
    const after = await db.select().from(auditLog).where(eq(auditLog.entityId, tierId));
    expect(after).toHaveLength(before.length);
  });

  it('archives and restores a definition; archived ones are listed only when asked', async () => {
    const archived = await f.call('POST', `/custom-fields/${tierId}/archive`, f.admin.token);
    expect(((await archived.json()) as CustomFieldView).archived).toBe(true);
    const again = await f.call('POST', `/custom-fields/${tierId}/archive`, f.admin.token);
    expect(again.status).toBe(200);
    const active = (await (await f.call('GET', '/custom-fields', f.salesA.token)).json()) as { items: unknown[] };
    expect(active.items).toEqual([]);
    const all = await f.call('GET', '/custom-fields?includeArchived=true', f.salesA.token);
    expect(((await all.json()) as { items: CustomFieldView[] }).items.map((d) => d.key)).toEqual(['member_tier']);
    const restored = await f.call('POST', `/custom-fields/${tierId}/unarchive`, f.admin.token);
    expect(((await restored.json()) as CustomFieldView).archived).toBe(false);
    const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, tierId));
    expect(audits.filter((a) => a.action === 'archive')).toHaveLength(1);
    expect(audits.filter((a) => a.action === 'unarchive')).toHaveLength(1);
  });

  it('answers 404 for an unknown definition', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    expect(
      (await problemOf(await f.call('PATCH', `/custom-fields/${id}`, f.admin.token, { labelEn: 'X' }), 404)).code,
    ).toBe('not_found');
    expect((await problemOf(await f.call('POST', `/custom-fields/${id}/archive`, f.admin.token), 404)).code).toBe(
      'not_found',
    );
  });
});
