import { describe, expect, it } from 'vitest';
import { checkHref } from './quality-links.ts';

describe('checkHref', () => {
  it('turns a data-quality list endpoint into this app’s list page, keeping its query', () => {
    expect(checkHref({ count: 3, list: '/api/v1/data-quality/missing-email/customers' }, 'x')).toBe(
      '/customers/data-quality/missing-email',
    );
    expect(checkHref({ count: 3, list: '/api/v1/data-quality/stale/customers?staleMonths=6' }, 'x')).toBe(
      '/customers/data-quality/stale?staleMonths=6',
    );
  });

  it('turns customer-list queries and the duplicate finder into their pages', () => {
    expect(checkHref({ count: 1, list: '/api/v1/customers?ownerId=none' }, 'x')).toBe('/customers?ownerId=none');
    expect(checkHref({ count: 1, list: '/api/v1/customers/duplicates' }, 'x')).toBe('/customers/duplicates');
  });

  it('falls back to the named check when the server gives no link', () => {
    expect(checkHref({ count: 0, list: null }, 'consent-gaps')).toBe('/customers/data-quality/consent-gaps');
    expect(checkHref(undefined, 'unreachable')).toBe('/customers/data-quality/unreachable');
  });
});
