import { randomBytes } from 'node:crypto';

/**
 * A time-ordered UUID (RFC 9562 version 7) for the profiles and identities an import creates: consecutive ids
 * land on the right-hand edge of the primary-key and customer_id indexes instead of random
 * pages, which keeps a million-row import's index writes in cache.
 */
export function uuidV7(now = Date.now()): string {
  const b = randomBytes(16);
  b.writeUIntBE(now, 0, 6);
  b[6] = 0x70 | ((b[6] ?? 0) & 0x0f);
  b[8] = 0x80 | ((b[8] ?? 0) & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
