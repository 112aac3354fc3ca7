import type { Principal } from './principal.ts';

/**
 * A short-lived, per-process cache of resolved credentials (sha256 of a token or session →
 * principal), so an authenticated request does not pay a database round trip every time.
 *
 * Correctness: writes that change what a credential may do (revoking a token, ending a
 * session, changing or disabling a user) clear this process's cache at once. Other
 * replicas see such a change within the TTL (SAMPAN_AUTH_CACHE_SECONDS, default 5; 0
 * turns the cache off). A cached credential's own expiry is still checked on every hit.
 */
interface Entry {
  principal: Principal;
  /** When the credential itself ends (token or session expiry), if it does. */
  validUntil: number | null;
  cachedUntil: number;
}

const MAX_ENTRIES = 10_000;

export class CredentialCache {
  readonly #entries = new Map<string, Entry>();

  constructor(private readonly ttlMs: number) {}

  get(key: string, now = Date.now()): Principal | undefined {
    const e = this.#entries.get(key);
    if (!e) return undefined;
    if (e.cachedUntil <= now || (e.validUntil !== null && e.validUntil <= now)) {
      this.#entries.delete(key);
      return undefined;
    }
    return e.principal;
  }

  set(key: string, principal: Principal, validUntil: Date | null, now = Date.now()): void {
    if (this.ttlMs <= 0) return;
    if (this.#entries.size >= MAX_ENTRIES) {
      // Maps iterate in insertion order: drop the oldest.
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(key, { principal, validUntil: validUntil?.getTime() ?? null, cachedUntil: now + this.ttlMs });
  }

  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}

const DEFAULT_TTL_MS = 5_000;

function ttlFromEnv(): number {
  const raw = process.env.SAMPAN_AUTH_CACHE_SECONDS;
  const seconds = raw === undefined || raw === '' ? Number.NaN : Number(raw);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : DEFAULT_TTL_MS;
}

/** The process-wide cache used by request authentication. */
export const credentialCache = new CredentialCache(ttlFromEnv());

/** Called after any committed change to users, sessions or API tokens. */
export function credentialsChanged(): void {
  credentialCache.clear();
}
