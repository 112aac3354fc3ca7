import { afterEach, describe, expect, it } from 'vitest';
import { createUser } from '../../src/core/auth/create-user.ts';
import { systemActor } from '../../src/core/auth/principal.ts';
import { createTestApp, jsonRequest, type TestApp } from '../support/test-app.ts';

const owner = { name: 'Owner', email: 'owner@example.com', password: 'password-123', companyName: 'ร้านทดสอบ' };
let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('first-run setup edge cases', () => {
  it('is still open when only staff exist (e.g. after `sampan demo`), and closes once an owner exists', async () => {
    t = await createTestApp();
    await t.testDb.database.db.transaction((tx) =>
      createUser(tx, systemActor('cli'), {
        email: 'staff@example.com',
        name: 'Staff',
        password: 'password-123',
        role: 'admin',
      }),
    );
    expect(await (await t.app.request('/api/v1/setup/status')).json()).toEqual({ needsSetup: true });
    const res = await t.app.request('/api/v1/setup', jsonRequest('POST', owner));
    expect(res.status).toBe(201);
    expect(await (await t.app.request('/api/v1/setup/status')).json()).toEqual({ needsSetup: false });
    const again = await t.app.request('/api/v1/setup', jsonRequest('POST', { ...owner, email: 'second@example.com' }));
    expect(again.status).toBe(409);
  });

  it('a failed demo load leaves the owner signed in and says so', async () => {
    t = await createTestApp(
      [],
      {},
      {
        loadDemo: async () => {
          throw new Error('disk full');
        },
      },
    );
    const res = await t.app.request('/api/v1/setup', jsonRequest('POST', { ...owner, demo: true }));
    expect(res.status).toBe(201);
    expect(((await res.json()) as { demo: string }).demo).toBe('failed');
  });

  it('concurrent setups: exactly one wins', async () => {
    t = await createTestApp();
    const app = t.app;
    const results = await Promise.all(
      ['a', 'b', 'c'].map((x) =>
        app.request('/api/v1/setup', jsonRequest('POST', { ...owner, email: `${x}@example.com` })),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const [row] = await t.testDb.database.query<{ n: number }>(
      `select count(*)::int as n from users where role = 'owner'`,
    );
    expect(row?.n).toBe(1);
  });
});
