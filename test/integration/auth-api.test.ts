import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, jsonRequest, type TestApp } from '../support/test-app.ts';

let t: TestApp;
const owner = {
  name: 'สมชาย ใจดี',
  email: 'Owner@Example.com',
  password: 'correct-horse',
  companyName: 'ร้านกาแฟสมชาย',
  locale: 'en',
};

async function count(table: string): Promise<number> {
  const [row] = await t.testDb.database.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return row?.n ?? -1;
}

function cookieOf(res: Response): string {
  const set = res.headers.get('set-cookie') ?? '';
  const match = /sampan_session=([^;]*)/.exec(set);
  if (!match?.[1]) throw new Error(`no session cookie in ${set}`);
  return `sampan_session=${match[1]}`;
}

async function signIn(email: string, password: string) {
  const res = await t.app.request('/api/v1/auth/login', jsonRequest('POST', { email, password }));
  expect(res.status).toBe(200);
  const body = (await res.json()) as { csrfToken: string; user: { id: string } };
  return { cookie: cookieOf(res), csrf: body.csrfToken, userId: body.user.id };
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('first-run setup', () => {
  it('reports that setup is needed, creates the owner once, signs them in', async () => {
    const status = await t.app.request('/api/v1/setup/status');
    expect(await status.json()).toEqual({ needsSetup: true });

    const res = await t.app.request('/api/v1/setup', jsonRequest('POST', owner));
    expect(res.status).toBe(201);
    const set = res.headers.get('set-cookie') ?? '';
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Lax/i);
    const body = (await res.json()) as { user: { email: string; role: string } };
    expect(body.user).toMatchObject({ email: 'owner@example.com', role: 'owner' });

    const me = await t.app.request('/api/v1/auth/me', { headers: { cookie: cookieOf(res) } });
    expect(me.status).toBe(200);
    const settings = await t.app.request('/api/v1/settings', { headers: { cookie: cookieOf(res) } });
    expect(await settings.json()).toMatchObject({
      companyName: 'ร้านกาแฟสมชาย',
      currency: 'THB',
      timeZone: 'Asia/Bangkok',
      locale: 'en',
    });
  });

  it('refuses a second setup and changes nothing', async () => {
    const users = await count('users');
    const res = await t.app.request('/api/v1/setup', jsonRequest('POST', { ...owner, email: 'other@example.com' }));
    expect(res.status).toBe(409);
    expect(((await res.json()) as { code: string }).code).toBe('already_set_up');
    expect(await count('users')).toBe(users);
  });
});

describe('sign-in', () => {
  it('rejects a wrong password with 401 problem+json and an unknown email the same way', async () => {
    for (const email of [owner.email, 'nobody@example.com']) {
      const res = await t.app.request(
        '/api/v1/auth/login',
        jsonRequest('POST', { email, password: 'wrong-password' }, { 'accept-language': 'th' }),
      );
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const body = (await res.json()) as { code: string; detail: string };
      expect(body.code).toBe('invalid_credentials');
      expect(body.detail).toBe('อีเมลหรือรหัสผ่านไม่ถูกต้อง');
    }
    // reset the owner's failure counter for the next tests
    await signIn(owner.email, owner.password);
  });

  it('locks an account after 5 failures, even for the right password', async () => {
    const { userId } = await t.userWithToken('sales', { email: 'locked@example.com' });
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t.app.request(
        '/api/v1/auth/login',
        jsonRequest('POST', { email: 'locked@example.com', password: 'nope-nope' }),
      );
      codes.push(((await res.json()) as { code: string }).code);
    }
    expect(codes).toEqual([
      'invalid_credentials',
      'invalid_credentials',
      'invalid_credentials',
      'invalid_credentials',
      'account_locked',
    ]);
    const res = await t.app.request(
      '/api/v1/auth/login',
      jsonRequest('POST', { email: 'locked@example.com', password: 'password-123' }),
    );
    expect(res.status).toBe(423);
    const [audit] = await t.testDb.database.query<{ n: number }>(
      `select count(*)::int as n from audit_log where entity_id = $1 and action = 'lockout'`,
      [userId],
    );
    expect(audit?.n).toBe(1);
  });

  it('logout ends the session', async () => {
    const s = await signIn(owner.email, owner.password);
    const out = await t.app.request('/api/v1/auth/logout', {
      method: 'POST',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
    expect(out.status).toBe(204);
    const me = await t.app.request('/api/v1/auth/me', { headers: { cookie: s.cookie } });
    expect(me.status).toBe(401);
    expect(((await me.json()) as { code: string }).code).toBe('session_expired');
  });
});

describe('CSRF on cookie-authenticated writes', () => {
  it('refuses a write without or with a wrong CSRF token, and writes nothing', async () => {
    const s = await signIn(owner.email, owner.password);
    const teams = await count('teams');
    const audits = await count('audit_log');
    const attempts: Record<string, string>[] = [{ cookie: s.cookie }, { cookie: s.cookie, 'x-csrf-token': 'forged' }];
    for (const headers of attempts) {
      const res = await t.app.request('/api/v1/teams', jsonRequest('POST', { name: 'ทีมขาย' }, headers));
      expect(res.status).toBe(403);
      expect(((await res.json()) as { code: string }).code).toBe('csrf_failed');
    }
    expect(await count('teams')).toBe(teams);
    expect(await count('audit_log')).toBe(audits);
    const ok = await t.app.request(
      '/api/v1/teams',
      jsonRequest('POST', { name: 'ทีมขาย' }, { cookie: s.cookie, 'x-csrf-token': s.csrf }),
    );
    expect(ok.status).toBe(201);
  });
});

describe('API tokens', () => {
  it('401 without credentials, on every protected route', async () => {
    for (const path of [
      '/api/v1/auth/me',
      '/api/v1/users',
      '/api/v1/audit',
      '/api/v1/settings',
      '/api/v1/tokens',
      '/api/v1/roles',
    ]) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(401);
      expect(((await res.json()) as { code: string }).code).toBe('unauthenticated');
    }
  });

  it('stores only a hash, and a revoked or expired token stops working', async () => {
    const { token } = await t.userWithToken('admin');
    const stored = await t.testDb.database.query<{ token_hash: string; prefix: string }>(
      'select token_hash, prefix from api_tokens',
    );
    expect(stored.some((r) => r.token_hash === token)).toBe(false);
    expect(stored.some((r) => token.startsWith(r.prefix))).toBe(true);

    // Expires in 1.5 s: it works now, and stops working when it expires even though it
    // was just used (and so sits in the credential cache).
    const created = await t.app.request(
      '/api/v1/tokens',
      jsonRequest(
        'POST',
        { name: 'short-lived', role: 'viewer', expiresAt: new Date(Date.now() + 1500).toISOString() },
        { authorization: `Bearer ${token}` },
      ),
    );
    expect(created.status).toBe(201);
    const { token: second, item } = (await created.json()) as { token: string; item: { id: string } };
    expect((await t.app.request('/api/v1/auth/me', { headers: { authorization: `Bearer ${second}` } })).status).toBe(
      200,
    );
    await new Promise((r) => setTimeout(r, 1600));
    const expired = await t.app.request('/api/v1/auth/me', { headers: { authorization: `Bearer ${second}` } });
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { code: string }).code).toBe('invalid_token');

    const revoke = await t.app.request(`/api/v1/tokens/${item.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(revoke.status).toBe(204);
    const { token: third } = await t.userWithToken('viewer');
    expect((await t.app.request('/api/v1/auth/me', { headers: { authorization: `Bearer ${third}` } })).status).toBe(
      200,
    );
    const [row] = await t.testDb.database.query<{ id: string }>('select id from api_tokens where prefix = $1', [
      third.slice(0, 10),
    ]);
    await t.app.request(`/api/v1/tokens/${row?.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    const revoked = await t.app.request('/api/v1/auth/me', { headers: { authorization: `Bearer ${third}` } });
    expect(revoked.status).toBe(401);
  });

  it('a malformed Authorization header is refused', async () => {
    const res = await t.app.request('/api/v1/auth/me', { headers: { authorization: 'Basic abc' } });
    expect(res.status).toBe(401);
  });
});

describe('roles and record visibility', () => {
  it('403 for a role without the permission, message in the caller language', async () => {
    const { token } = await t.userWithToken('viewer');
    const users = await count('users');
    const res = await t.app.request(
      '/api/v1/users',
      jsonRequest(
        'POST',
        { email: 'x@example.com', name: 'X', password: 'password-123', role: 'sales' },
        {
          authorization: `Bearer ${token}`,
          'accept-language': 'th-TH,th;q=0.9,en;q=0.5',
        },
      ),
    );
    expect(res.status).toBe(403);
    const body = (await res.json()) as { code: string; detail: string };
    expect(body.code).toBe('forbidden');
    expect(body.detail).toContain('ไม่มีสิทธิ์');
    expect(await count('users')).toBe(users);
  });

  it("hides another user's tokens from lists and answers 404 on direct access", async () => {
    const a = await t.userWithToken('sales');
    const b = await t.userWithToken('sales');
    const admin = await t.userWithToken('admin');
    const list = async (token: string) => {
      const res = await t.app.request('/api/v1/tokens?limit=200', { headers: { authorization: `Bearer ${token}` } });
      return ((await res.json()) as { items: { id: string; ownerId: string }[] }).items;
    };
    const aItems = await list(a.token);
    expect(aItems.length).toBe(1);
    expect(aItems.every((i) => i.ownerId === a.userId)).toBe(true);
    const bItems = await list(b.token);
    const bId = bItems[0]?.id;
    expect(bId).toBeDefined();
    expect(aItems.some((i) => i.id === bId)).toBe(false);
    expect(
      (await t.app.request(`/api/v1/tokens/${bId}`, { headers: { authorization: `Bearer ${a.token}` } })).status,
    ).toBe(404);
    const del = await t.app.request(`/api/v1/tokens/${bId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${a.token}` },
    });
    expect(del.status).toBe(404);
    // b's token still works, and the admin sees both
    expect((await t.app.request('/api/v1/auth/me', { headers: { authorization: `Bearer ${b.token}` } })).status).toBe(
      200,
    );
    const all = await list(admin.token);
    expect(all.some((i) => i.id === bId)).toBe(true);
    expect(all.some((i) => i.ownerId === a.userId)).toBe(true);
  });

  it('nobody grants a role above their own, and the last owner stays', async () => {
    const admin = await t.userWithToken('admin');
    const res = await t.app.request(
      '/api/v1/users',
      jsonRequest(
        'POST',
        { email: 'boss2@example.com', name: 'Boss', password: 'password-123', role: 'owner' },
        { authorization: `Bearer ${admin.token}` },
      ),
    );
    expect(res.status).toBe(403);
    expect(((await res.json()) as { code: string }).code).toBe('role_too_high');

    const s = await signIn(owner.email, owner.password);
    const demote = await t.app.request(
      `/api/v1/users/${s.userId}`,
      jsonRequest('PATCH', { role: 'admin' }, { cookie: s.cookie, 'x-csrf-token': s.csrf }),
    );
    expect(demote.status).toBe(409);
    expect(((await demote.json()) as { code: string }).code).toBe('last_owner');
  });
});

describe('errors are problem+json and write nothing', () => {
  it('unknown route, malformed JSON, oversized body, wrong media type, invalid fields', async () => {
    const { token } = await t.userWithToken('owner');
    const auth = { authorization: `Bearer ${token}` };
    const before = { users: await count('users'), audit: await count('audit_log'), outbox: await count('outbox') };

    const cases: [RequestInit & { path: string }, number, string][] = [
      [{ path: '/api/v1/no-such-thing', headers: auth }, 404, 'route_not_found'],
      [{ path: '/api/v1/users', ...jsonRequest('POST', '{"email": ', auth) }, 400, 'malformed_json'],
      [
        {
          path: '/api/v1/users',
          ...jsonRequest(
            'POST',
            { email: 'big@example.com', name: 'x'.repeat(2_000_000), password: 'password-123', role: 'viewer' },
            auth,
          ),
        },
        413,
        'payload_too_large',
      ],
      [
        {
          path: '/api/v1/users',
          method: 'POST',
          body: 'email=a',
          headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' },
        },
        415,
        'unsupported_media_type',
      ],
      [
        {
          path: '/api/v1/users',
          ...jsonRequest('POST', { email: 'not-an-email', name: '', password: 'short', role: 'king' }, auth),
        },
        400,
        'validation_failed',
      ],
      [{ path: '/api/v1/users/not-a-uuid', headers: auth }, 400, 'validation_failed'],
      [{ path: '/api/v1/users/00000000-0000-4000-8000-000000000000', headers: auth }, 404, 'not_found'],
      [{ path: '/api/v1/tokens?cursor=garbage', headers: auth }, 400, 'validation_failed'],
    ];
    for (const [{ path, ...init }, status, code] of cases) {
      const res = await t.app.request(path, init);
      expect(res.status, path).toBe(status);
      expect(res.headers.get('content-type'), path).toContain('application/problem+json');
      const body = (await res.json()) as { code: string; status: number; detail: string };
      expect(body.code, path).toBe(code);
      expect(body.status).toBe(status);
      expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
    }
    const invalid = await t.app.request(
      '/api/v1/users',
      jsonRequest('POST', { email: 'nope', name: 'A', password: 'password-123', role: 'viewer' }, auth),
    );
    const fields = ((await invalid.json()) as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(fields).toContain('email');
    const thai = await t.app.request(
      '/api/v1/users',
      jsonRequest(
        'POST',
        { email: 'nope', name: 'A', password: 'short', role: 'viewer' },
        { ...auth, 'accept-language': 'th' },
      ),
    );
    const thaiErrors = ((await thai.json()) as { errors: { path: string; message: string }[] }).errors;
    expect(thaiErrors.find((e) => e.path === 'password')?.message).toMatch(/[\u0E00-\u0E7F]/);
    expect(thaiErrors.find((e) => e.path === 'email')?.message).toMatch(/[\u0E00-\u0E7F]/);
    expect({ users: await count('users'), audit: await count('audit_log'), outbox: await count('outbox') }).toEqual(
      before,
    );
  });
});

describe('idempotency keys', () => {
  it('replays the first response for a retry and refuses the key with another body', async () => {
    const { token } = await t.userWithToken('admin');
    const headers = { authorization: `Bearer ${token}`, 'idempotency-key': 'retry-123' };
    const first = await t.app.request('/api/v1/teams', jsonRequest('POST', { name: 'ทีมเชียงใหม่' }, headers));
    expect(first.status).toBe(201);
    const again = await t.app.request('/api/v1/teams', jsonRequest('POST', { name: 'ทีมเชียงใหม่' }, headers));
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    const [n] = await t.testDb.database.query<{ n: number }>(
      `select count(*)::int as n from teams where name = 'ทีมเชียงใหม่'`,
    );
    expect(n?.n).toBe(1);
    const other = await t.app.request('/api/v1/teams', jsonRequest('POST', { name: 'ทีมภูเก็ต' }, headers));
    expect(other.status).toBe(422);
    expect(((await other.json()) as { code: string }).code).toBe('idempotency_key_reused');
  });
});

describe('audit log', () => {
  it('records user, role, token and settings changes with before/after, and is append-only', async () => {
    const { token, userId: adminId } = await t.userWithToken('admin');
    const auth = { authorization: `Bearer ${token}` };
    const created = await t.app.request(
      '/api/v1/users',
      jsonRequest('POST', { email: 'mali@example.com', name: 'มาลี', password: 'password-123', role: 'sales' }, auth),
    );
    const user = (await created.json()) as { id: string };
    await t.app.request(
      `/api/v1/users/${user.id}`,
      jsonRequest('PATCH', { role: 'manager', password: 'new-password-456' }, auth),
    );
    await t.app.request(
      '/api/v1/settings',
      jsonRequest('PATCH', { buddhistEra: false, backup: { retentionDays: 30 } }, auth),
    );

    const res = await t.app.request(`/api/v1/audit?entityType=user&entityId=${user.id}`, { headers: auth });
    const { items } = (await res.json()) as {
      items: {
        action: string;
        actorId: string;
        source: string;
        changes: Record<string, { before: unknown; after: unknown }>;
      }[];
    };
    expect(items.map((i) => i.action)).toEqual(['update', 'create']);
    const [update] = items;
    expect(update?.changes.role).toEqual({ before: 'sales', after: 'manager' });
    expect(update?.changes.passwordHash).toEqual({ before: '***', after: '***' });
    expect(update?.actorId).toBe(adminId);
    expect(update?.source).toBe('api');

    const settingsAudit = await t.app.request('/api/v1/audit?entityType=settings&limit=1', { headers: auth });
    const [entry] = ((await settingsAudit.json()) as { items: { changes: Record<string, unknown> }[] }).items;
    expect(entry?.changes).toEqual({
      buddhistEra: { before: true, after: false },
      'backup.retentionDays': { before: 14, after: 30 },
    });

    const tokenAudit = await t.app.request('/api/v1/audit?entityType=api_token&action=revoke', { headers: auth });
    expect(((await tokenAudit.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);

    await expect(t.testDb.database.query(`update audit_log set action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(t.testDb.database.query('delete from audit_log')).rejects.toThrow(/append-only/);
    await expect(t.testDb.database.query('truncate audit_log')).rejects.toThrow(/append-only/);
  });

  it('pages through the log with a cursor without repeats', async () => {
    const { token } = await t.userWithToken('owner');
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const res: Response = await t.app.request(`/api/v1/audit?limit=3${cursor ? `&cursor=${cursor}` : ''}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const page = (await res.json()) as { items: { id: number }[]; nextCursor: string | null };
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(await count('audit_log'));
  });
});

describe('health and docs', () => {
  it('health names the database, OpenAPI 3.1 lists the routes, /docs serves the reference locally', async () => {
    const health = await t.app.request('/health');
    expect(await health.json()).toEqual({ status: 'ok', database: t.testDb.database.kind, version: 'test' });
    const doc = (await (await t.app.request('/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/users', '/api/v1/auth/login', '/api/v1/audit', '/api/v1/settings']),
    );
    const docs = await t.app.request('/docs');
    expect(await docs.text()).toContain('/docs/scalar.js');
    const script = await t.app.request('/docs/scalar.js');
    expect(script.status).toBe(200);
  });
});
