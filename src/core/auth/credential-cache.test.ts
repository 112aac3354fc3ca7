import { describe, expect, it } from 'vitest';
import { CredentialCache } from './credential-cache.ts';
import type { Principal } from './principal.ts';

const p: Principal = { type: 'token', userId: 'u', teamId: null, role: 'viewer', label: 't' };

describe('credential cache', () => {
  it('serves a hit within the TTL and forgets it after', () => {
    const c = new CredentialCache(5_000);
    c.set('k', p, null, 1_000);
    expect(c.get('k', 5_999)).toBe(p);
    expect(c.get('k', 6_000)).toBeUndefined();
  });

  it('never serves a credential past its own expiry, whatever the TTL', () => {
    const c = new CredentialCache(60_000);
    c.set('k', p, new Date(2_000), 1_000);
    expect(c.get('k', 1_999)).toBe(p);
    expect(c.get('k', 2_000)).toBeUndefined();
  });

  it('clear() forgets everything at once; a TTL of 0 caches nothing', () => {
    const c = new CredentialCache(5_000);
    c.set('a', p, null);
    c.set('b', p, null);
    c.clear();
    expect(c.size).toBe(0);
    const off = new CredentialCache(0);
    off.set('a', p, null);
    expect(off.get('a')).toBeUndefined();
  });

  it('stays bounded, dropping the oldest entries', () => {
    const c = new CredentialCache(5_000);
    for (let i = 0; i < 10_050; i++) c.set(`k${i}`, p, null, 0);
    expect(c.size).toBe(10_000);
    expect(c.get('k0', 1)).toBeUndefined();
    expect(c.get('k10049', 1)).toBe(p);
  });
});
