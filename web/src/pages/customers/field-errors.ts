import { ApiError } from '../../api/problem.ts';

/** The server's per-field messages (already in the UI language), keyed by their full path, e.g. `customFields.size`. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const byPath: Record<string, string> = {};
  if (!(error instanceof ApiError)) return byPath;
  for (const entry of error.problem.errors ?? []) byPath[entry.path] ??= entry.message;
  return byPath;
}
