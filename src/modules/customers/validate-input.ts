import type { z } from '@hono/zod-openapi';
import { AppError } from '../../core/errors/app-error.ts';
import { zodIssues } from '../../core/http/problem.ts';

/**
 * Parses use-case input; a failure is the same coded error (validation_failed with field
 * errors) whether the call came from HTTP, the CLI or another module.
 */
export function validateInput<S extends z.ZodTypeAny>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw);
  if (!result.success) throw new AppError('validation_failed', {}, zodIssues(result.error));
  return result.data;
}
