/** The error body every API error uses (RFC 9457 application/problem+json). */
export interface ProblemFieldError {
  path: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  code?: string;
  detail?: string;
  requestId?: string;
  errors?: ProblemFieldError[];
}

export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string | undefined {
    return this.problem.code;
  }

  /** Field errors keyed by the last segment of their path, for form inputs. */
  fieldErrors(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const error of this.problem.errors ?? []) {
      const field = error.path.split(/[./]/).filter(Boolean).pop() ?? error.path;
      byField[field] ??= error.message;
    }
    return byField;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function readFieldErrors(value: unknown): ProblemFieldError[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(isRecord).map((entry) => ({
    path: Array.isArray(entry.path) ? entry.path.join('.') : String(entry.path ?? ''),
    message: String(entry.message ?? ''),
  }));
}

/** Reads a problem body defensively: the server may be a proxy that answers with HTML. */
export function toProblem(status: number, body: unknown, fallbackDetail: string): Problem {
  if (!isRecord(body)) return { status, detail: fallbackDetail };
  return {
    status,
    type: typeof body.type === 'string' ? body.type : undefined,
    title: typeof body.title === 'string' ? body.title : undefined,
    code: typeof body.code === 'string' ? body.code : undefined,
    detail: typeof body.detail === 'string' ? body.detail : fallbackDetail,
    requestId: typeof body.requestId === 'string' ? body.requestId : undefined,
    errors: readFieldErrors(body.errors),
  };
}
