import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, jsonRequest, type TestApp } from '../../../test/support/test-app.ts';
import { registerErrors } from '../../core/errors/catalog.ts';
import { customersModule } from '../customers/index.ts';
import { activitiesModule } from './index.ts';

let t: TestApp;
let salesA: { userId: string; token: string };
let salesB: { userId: string; token: string };
let service: { userId: string; token: string };
let customer: string;

beforeAll(async () => {
  registerErrors(customersModule.errors ?? {});
  registerErrors(activitiesModule.errors ?? {});
  t = await createTestApp([customersModule, activitiesModule]);
  salesA = await t.userWithToken('sales');
  salesB = await t.userWithToken('sales');
  service = await t.userWithToken('service');
  const res = await t.app.request('/api/v1/customers', jsonRequest('POST', { firstName: 'มานี' }, bearer(salesA.token)));
  customer = ((await res.json()) as { id: string }).id;
});
afterAll(() => t.close());

type Problem = { status: number; code: string; detail: string; errors?: { path: string; message: string }[] };

describe('timeline HTTP API', () => {
  it('logs a call (201) and lists it on the timeline', async () => {
    const res = await t.app.request(
      `/api/v1/customers/${customer}/activities`,
      jsonRequest('POST', { kind: 'call', direction: 'outbound', outcome: 'no_answer' }, bearer(salesA.token)),
    );
    expect(res.status).toBe(201);
    const call = (await res.json()) as { id: string; summary: { en: string } };
    expect(call.summary.en).toBe('Outbound call, no answer');
    const list = await t.app.request(`/api/v1/customers/${customer}/timeline?kind=call&kind=note&limit=10`, {
      headers: bearer(salesA.token),
    });
    expect(list.status).toBe(200);
    const page = (await list.json()) as { items: { id: string }[]; nextCursor: string | null };
    expect(page.items.map((a) => a.id)).toEqual([call.id]);
  });

  it('explains bad input per field in Thai by default and in English when asked', async () => {
    const th = await t.app.request(
      `/api/v1/customers/${customer}/activities`,
      jsonRequest('POST', { kind: 'call', durationMinutes: 2000 }, bearer(salesA.token)),
    );
    expect(th.status).toBe(400);
    const thBody = (await th.json()) as Problem;
    expect(thBody.code).toBe('validation_failed');
    expect(thBody.errors?.[0]?.path).toBe('durationMinutes');
    const en = await t.app.request(
      `/api/v1/customers/${customer}/activities`,
      jsonRequest('POST', { kind: 'call' }, bearer(salesA.token, { 'accept-language': 'en' })),
    );
    expect(((await en.json()) as Problem).errors).toEqual([
      { path: 'direction', message: 'say whether the call was inbound or outbound' },
    ]);
    const thCall = await t.app.request(
      `/api/v1/customers/${customer}/activities`,
      jsonRequest('POST', { kind: 'call' }, bearer(salesA.token, { 'accept-language': 'th' })),
    );
    expect(((await thCall.json()) as Problem).errors?.[0]?.message).toBe('กรุณาระบุว่าเป็นสายเข้าหรือโทรออก');
    const badKind = await t.app.request(`/api/v1/customers/${customer}/timeline?kind=gossip`, {
      headers: bearer(salesA.token),
    });
    expect(badKind.status).toBe(400);
  });

  it('is 404 for a customer the caller may not see', async () => {
    const res = await t.app.request(`/api/v1/customers/${customer}/timeline`, { headers: bearer(salesB.token) });
    expect(res.status).toBe(404);
    const post = await t.app.request(
      `/api/v1/customers/${customer}/activities`,
      jsonRequest('POST', { kind: 'note', body: 'x' }, bearer(salesB.token)),
    );
    expect(post.status).toBe(404);
  });

  it('edits and deletes by the author; others get 403 with a coded reason', async () => {
    const res = await t.app.request(
      `/api/v1/customers/${customer}/activities`,
      jsonRequest('POST', { kind: 'note', body: 'ร่าง' }, bearer(salesA.token)),
    );
    const note = (await res.json()) as { id: string };
    const url = `/api/v1/customers/${customer}/activities/${note.id}`;
    const denied = await t.app.request(
      url,
      jsonRequest('PATCH', { body: 'x' }, bearer(service.token, { 'accept-language': 'en' })),
    );
    expect(denied.status).toBe(403);
    const problem = (await denied.json()) as Problem;
    expect(problem.code).toBe('activity_not_author');
    expect(problem.detail).toMatch(/Only the person who logged this entry/);
    const patched = await t.app.request(url, jsonRequest('PATCH', { body: 'แก้แล้ว' }, bearer(salesA.token)));
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as { body: string }).body).toBe('แก้แล้ว');
    const del = await t.app.request(url, { method: 'DELETE', headers: bearer(salesA.token) });
    expect(del.status).toBe(204);
    const again = await t.app.request(url, { method: 'DELETE', headers: bearer(salesA.token) });
    expect(again.status).toBe(404);
  });
});
