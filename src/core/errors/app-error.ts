/**
 * Errors are values with a stable code. The code decides the HTTP status and the
 * user-facing message (Thai or English) in one place: ./catalog.ts.
 */
export class AppError extends Error {
  readonly code: string;
  readonly params: Record<string, string | number>;
  readonly details: unknown;

  constructor(code: string, params: Record<string, string | number> = {}, details?: unknown) {
    super(`${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.details = details;
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

/** A 400 validation_failed about one field, with its reason in English and Thai. */
export function invalidField(path: string, en: string, th: string): AppError {
  return new AppError('validation_failed', {}, [{ path, message: en, th }]);
}
