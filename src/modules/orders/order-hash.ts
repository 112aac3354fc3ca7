import { createHash } from 'node:crypto';

/** Canonical JSON: object keys sorted, so the same content always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/**
 * What makes two submissions of an external order "the same": the validated request, with
 * defaults applied and key order ignored. A retry matches; a changed line does not.
 */
export function orderContentHash(input: object): string {
  return createHash('sha256').update(canonical(input)).digest('hex');
}
