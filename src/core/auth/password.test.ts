import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.ts';
import { csrfTokenFor, newApiToken, sha256 } from './secret-tokens.ts';

describe('passwords', () => {
  it('hashes with a random salt, verifies the right password only', async () => {
    const a = await hashPassword('รหัสผ่าน-ยาว-123');
    const b = await hashPassword('รหัสผ่าน-ยาว-123');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('รหัสผ่าน-ยาว-123', a)).toBe(true);
    expect(await verifyPassword('รหัสผ่าน-ยาว-124', a)).toBe(false);
    expect(await verifyPassword('anything', 'not-a-hash')).toBe(false);
  });

  it('treats canonically equal Unicode forms as the same password', async () => {
    const composed = 'caf\u00e9-secret';
    const decomposed = 'cafe\u0301-secret';
    expect(await verifyPassword(decomposed, await hashPassword(composed))).toBe(true);
  });
});

describe('secret tokens', () => {
  it('API tokens are unguessable and stored only as sha256', () => {
    const t1 = newApiToken();
    const t2 = newApiToken();
    expect(t1).toMatch(/^spn_[A-Za-z0-9_-]{43}$/);
    expect(t1).not.toBe(t2);
    expect(sha256(t1)).not.toContain(t1.slice(4));
  });

  it('the CSRF token is tied to the session token and differs from its stored hash', () => {
    expect(csrfTokenFor('abc')).toBe(csrfTokenFor('abc'));
    expect(csrfTokenFor('abc')).not.toBe(csrfTokenFor('abd'));
    expect(csrfTokenFor('abc')).not.toBe(sha256('abc'));
  });
});
