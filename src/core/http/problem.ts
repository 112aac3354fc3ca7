import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { locales, ZodError } from 'zod';
import { AppError, isAppError } from '../errors/app-error.ts';
import { errorEntry, errorMessage } from '../errors/catalog.ts';
import type { Locale } from '../i18n/locale.ts';
import type { Logger } from '../logger.ts';
import type { AppEnv } from './app-env.ts';

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

/** A field-level error; `th` is the Thai text where one is known (English is the fallback). */
export type FieldError = { path: string; message: string; th?: string };

const thaiZod = locales.th();

export function zodIssues(error: ZodError): FieldError[] {
  return error.issues.map((issue) => {
    // Zod's built-in checks have a Thai locale; our own refinements pass Thai as params.th.
    const th =
      issue.code === 'custom'
        ? (issue.params as { th?: string } | undefined)?.th
        : thaiZod.localeError(issue as Parameters<typeof thaiZod.localeError>[0]);
    return {
      path: issue.path.join('.') || '(body)',
      message: issue.message,
      ...(typeof th === 'string'
        ? { th }
        : th && typeof th === 'object' && 'message' in th
          ? { th: String(th.message) }
          : {}),
    };
  });
}

/** Turns anything thrown into a coded AppError; unknown errors become `internal`. */
export function toAppError(err: unknown): AppError {
  if (isAppError(err)) return err;
  if (err instanceof ZodError) return new AppError('validation_failed', {}, zodIssues(err));
  if (err instanceof HTTPException) {
    if (err.status === 400 && /json/i.test(err.message)) return new AppError('malformed_json');
    if (err.status === 413) return new AppError('payload_too_large', { limit: '?' });
    if (err.status === 404) return new AppError('not_found');
    if (err.status === 401) return new AppError('unauthenticated');
  }
  return new AppError('internal');
}

export function problemBody(err: AppError, locale: Locale, requestId?: string) {
  const entry = errorEntry(err.code);
  const details = Array.isArray(err.details)
    ? (err.details as FieldError[]).map((d) => ({ path: d.path, message: locale === 'th' && d.th ? d.th : d.message }))
    : undefined;
  return {
    type: `https://sampan.dev/problems/${err.code.replaceAll('_', '-')}`,
    title: errorEntry(err.code).en,
    status: entry.status,
    code: err.code,
    detail: errorMessage(err.code, err.params, locale),
    ...(requestId ? { requestId } : {}),
    ...(details ? { errors: details } : {}),
  };
}

/** The one place where errors become HTTP responses. */
export function problemResponse(c: Context<AppEnv>, thrown: unknown, logger: Logger): Response {
  const err = toAppError(thrown);
  const body = problemBody(err, c.get('locale') ?? 'th', c.get('requestId'));
  if (body.status >= 500) {
    logger.error({ err: thrown, requestId: c.get('requestId'), path: c.req.path }, 'request failed');
  }
  const headers: Record<string, string> = { 'content-type': 'application/problem+json; charset=utf-8' };
  if (err.code === 'rate_limited' && err.params.seconds) headers['retry-after'] = String(err.params.seconds);
  return new Response(JSON.stringify(body), { status: body.status, headers });
}
