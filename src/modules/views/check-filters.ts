import { AppError } from '../../core/errors/app-error.ts';
import { zodIssues } from '../../core/http/problem.ts';
import { customerListFilterSchema } from '../customers/index.ts';
import type { SavedFilters } from './schema.ts';

const listFilters = customerListFilterSchema.omit({ sort: true });

/**
 * A view's filters must be ones the customer list accepts, so opening it never fails on a
 * bad value; errors point at `filters.<param>`.
 */
export function checkFilters(filters: SavedFilters): SavedFilters {
  const known = new Set(Object.keys(listFilters.shape));
  const unknown = Object.keys(filters).filter((key) => !key.startsWith('cf.') && !known.has(key));
  if (unknown.length > 0) {
    throw new AppError(
      'validation_failed',
      {},
      unknown.map((key) => ({
        path: `filters.${key}`,
        message: 'not a filter of the customer list',
        th: 'ไม่ใช่ตัวกรองของรายชื่อลูกค้า',
      })),
    );
  }
  const result = listFilters.safeParse(filters);
  if (!result.success) {
    const issues = zodIssues(result.error).map((issue) => ({ ...issue, path: `filters.${issue.path}` }));
    throw new AppError('validation_failed', {}, issues);
  }
  // Keep what was given (strings as typed), dropping empty values.
  return Object.fromEntries(
    Object.entries(filters).filter(([, v]) => (Array.isArray(v) ? v.length > 0 : v.trim() !== '')),
  );
}
