import type { QualityCheck } from '../../../queries/dataops-types.ts';

/**
 * Where a check's "show these customers" link goes in the app. The server gives an API
 * address: GET /api/v1/customers?… becomes the customer list with those filters,
 * GET /api/v1/data-quality/{check}/customers becomes this page's own list of that check,
 * GET /api/v1/customers/duplicates the duplicates page.
 */
export function checkHref(check: QualityCheck | undefined, fallbackCheck: string): string {
  const list = check?.list;
  if (!list) return `/customers/data-quality/${fallbackCheck}`;
  const local = list.replace(/^\/api\/v1/, '');
  const own = /^\/data-quality\/([^/?]+)\/customers(\?.*)?$/.exec(local);
  if (own) return `/customers/data-quality/${own[1]}${own[2] ?? ''}`;
  return local;
}
