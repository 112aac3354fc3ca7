import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, jsonRequest, type TestApp } from '../../../test/support/test-app.ts';
import { registerErrors } from '../../core/errors/catalog.ts';
import { outbox } from '../../core/events/schema.ts';
import { createLogger } from '../../core/logger.ts';
import { customersModule } from '../customers/index.ts';
import { orders, ordersModule } from '../orders/index.ts';
import { importsModule } from './index.ts';
import { runRequestedImport } from './jobs.ts';

let t: TestApp;
let salesA: { userId: string; token: string };
let viewer: { userId: string; token: string };

beforeAll(async () => {
  for (const m of [customersModule, importsModule, ordersModule]) registerErrors(m.errors ?? {});
  t = await createTestApp([customersModule, importsModule, ordersModule]);
  salesA = await t.userWithToken('sales');
  viewer = await t.userWithToken('viewer');
});
afterAll(() => t.close());

const CSV = [
  'เบอร์โทร,เลขที่คำสั่งซื้อ,วันที่,ชื่อสินค้า,จำนวน,ยอดเงิน,สกุลเงิน',
  '0891112222,W-1,2026-06-01,กาแฟ,2,120.00,THB',
  '089-111-2222,W-1,2026-06-01,ขนม,1,35.50,THB',
  '0893334444,W-2,2026-06-02,ชา,1,abc,THB',
].join('\n');

async function runJobFor(importId: string) {
  const [event] = await t.testDb.database.db.select().from(outbox).where(eq(outbox.aggregateId, importId));
  expect(event?.topic).toBe('imports.requested');
  await runRequestedImport(
    t.testDb.database,
    {
      eventId: Number(event?.id),
      topic: String(event?.topic),
      aggregateType: 'import',
      aggregateId: importId,
      payload: event?.payload ?? {},
      createdAt: new Date().toISOString(),
    },
    createLogger('silent'),
  );
}

describe('orders imports over HTTP', () => {
  it('uploads an orders file, previews it with the suggested mapping, starts it and reports rejected rows', async () => {
    const res = await t.app.request('/api/v1/imports/preview?fileName=orders.csv&kind=orders', {
      method: 'POST',
      headers: bearer(salesA.token, { 'content-type': 'text/csv' }),
      body: CSV,
    });
    expect(res.status).toBe(200);
    const preview = (await res.json()) as {
      import: { id: string; kind: string };
      mapping: Record<string, string>;
      fields: string[];
      rows: { line: number; outcome: string; reason: string | null }[];
    };
    expect(preview.import.kind).toBe('orders');
    expect(preview.mapping).toMatchObject({ เบอร์โทร: 'phone', เลขที่คำสั่งซื้อ: 'orderId', ยอดเงิน: 'amount' });
    expect(preview.fields).toContain('orderedAt');
    expect(preview.rows.map((r) => [r.line, r.outcome])).toEqual([
      [2, 'create'],
      [3, 'create'],
      [4, 'reject'],
    ]);
    expect(preview.rows[2]?.reason).toContain('amount:');
    expect(await t.testDb.database.db.select().from(orders)).toHaveLength(0);

    const badStart = await t.app.request(
      `/api/v1/imports/${preview.import.id}/start`,
      jsonRequest('POST', { mapping: { เบอร์โทร: 'phone' } }, bearer(salesA.token)),
    );
    expect(badStart.status).toBe(202);
    // the mapping is checked by the run against the file: no date or amount column → the import fails with the reason
    await runJobFor(preview.import.id);
    const failed = (await (
      await t.app.request(`/api/v1/imports/${preview.import.id}`, { headers: bearer(salesA.token) })
    ).json()) as { status: string; error: string };
    expect(failed).toMatchObject({ status: 'failed' });
    expect(failed.error).toContain('orderedAt');

    const again = await t.app.request('/api/v1/imports?fileName=orders.csv&kind=orders', {
      method: 'POST',
      headers: bearer(salesA.token, { 'content-type': 'text/csv' }),
      body: CSV,
    });
    const { id } = (await again.json()) as { id: string };
    const start = await t.app.request(
      `/api/v1/imports/${id}/start`,
      jsonRequest('POST', { mapping: preview.mapping, unknownCustomer: 'create' }, bearer(salesA.token)),
    );
    expect(start.status).toBe(202);
    await runJobFor(id);
    const done = await (await t.app.request(`/api/v1/imports/${id}`, { headers: bearer(salesA.token) })).json();
    expect(done).toMatchObject({
      kind: 'orders',
      status: 'completed',
      processedRows: 3,
      createdRows: 2,
      rejectedRows: 1,
    });
    const [order] = await t.testDb.database.db.select().from(orders).where(eq(orders.externalId, 'W-1'));
    expect(order?.totalSatang).toBe(15550);
    const report = await t.app.request(`/api/v1/imports/${id}/rejections.csv`, {
      headers: bearer(salesA.token, { 'accept-language': 'th' }),
    });
    expect(await report.text()).toContain('ไม่ใช่จำนวนเงิน');
  });

  it('saves an orders mapping template and refuses uploads by roles that may not sell', async () => {
    const saved = await t.app.request(
      '/api/v1/imports/mappings',
      jsonRequest(
        'POST',
        { kind: 'orders', name: 'POS export', mapping: { Phone: 'phone', Date: 'orderedAt', Total: 'amount' } },
        bearer(salesA.token),
      ),
    );
    expect(saved.status).toBe(201);
    const list = (await (
      await t.app.request('/api/v1/imports/mappings?kind=orders', { headers: bearer(salesA.token) })
    ).json()) as { items: { name: string; kind: string }[] };
    expect(list.items.map((m) => [m.kind, m.name])).toEqual([['orders', 'POS export']]);
    const refused = await t.app.request('/api/v1/imports?fileName=o.csv&kind=orders', {
      method: 'POST',
      headers: bearer(viewer.token, { 'content-type': 'text/csv' }),
      body: CSV,
    });
    expect(refused.status).toBe(403);
  });
});
