import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, jsonRequest, type TestApp } from '../../../test/support/test-app.ts';
import { validThaiTaxId } from './thai-tax-id.ts';

let t: TestApp;
let admin: string;
let sales: string;

const call = async (method: string, token: string, body?: unknown, lang = 'en') => {
  const res = await t.app.request(
    '/api/v1/settings',
    jsonRequest(method, body, bearer(token, { 'accept-language': lang })),
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.userWithToken('admin')).token;
  sales = (await t.userWithToken('sales')).token;
});
afterAll(() => t.close());

describe('validThaiTaxId', () => {
  it('accepts a right check digit and refuses every wrong one', () => {
    expect(validThaiTaxId('0105536000313')).toBe(true);
    expect(validThaiTaxId('3101700123456')).toBe(false);
    const wrong = [0, 1, 2, 4, 5, 6, 7, 8, 9].map((d) => `010553600031${d}`);
    for (const id of wrong) expect(validThaiTaxId(id), id).toBe(false);
    expect(validThaiTaxId('010553600031')).toBe(false);
  });
});

describe('seller settings', () => {
  it('start empty, are saved with a normalised tax id and branch, and are audited', async () => {
    expect((await call('GET', admin)).body.seller).toEqual({
      legalName: '',
      address: '',
      taxId: '',
      branch: '',
      phone: '',
      email: '',
    });
    const res = await call('PATCH', admin, {
      seller: {
        legalName: 'บริษัท สัมพันธ์ จำกัด',
        address: '99 ถนนสุขุมวิท แขวงคลองเตย เขตคลองเตย กรุงเทพมหานคร 10110',
        taxId: '0-1055-36000-31-3',
        branch: '1',
        phone: '02 123 4567',
        email: 'sales@sampan.co.th',
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.seller).toMatchObject({ taxId: '0105536000313', branch: '00001' });
    // A partial change keeps the other seller fields.
    const head = await call('PATCH', admin, { seller: { branch: 'head_office' } });
    expect(head.body.seller).toMatchObject({ branch: 'head_office', legalName: 'บริษัท สัมพันธ์ จำกัด' });
    const audit = await t.testDb.database.query<{ changes: Record<string, { before: unknown; after: unknown }> }>(
      "select changes from audit_log where entity_type = 'settings' order by id desc limit 1",
    );
    expect(audit[0]?.changes['seller.branch']).toEqual({ before: '00001', after: 'head_office' });
  });

  it('refuses a wrong check digit, a short tax id, a bad branch or email, in Thai too, and changes nothing', async () => {
    const before = (await call('GET', admin)).body.seller;
    const bad = await call('PATCH', admin, { seller: { taxId: '0105536000314' } }, 'th');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('เลขตรวจสอบ');
    for (const seller of [{ taxId: '12345' }, { branch: 'สาขา 1' }, { email: 'not-an-email' }]) {
      const res = await call('PATCH', admin, { seller });
      expect(res.status, JSON.stringify(seller)).toBe(400);
    }
    expect((await call('GET', admin)).body.seller).toEqual(before);
  });

  it('are changed only by those who may change settings', async () => {
    const res = await call('PATCH', sales, { seller: { legalName: 'ร้านของฉัน' } });
    expect(res.status).toBe(403);
  });
});
