import i18n from '../i18n/i18n.ts';
import { ApiError, toProblem } from './problem.ts';

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Leave a 401 to the caller (login form, the session probe) instead of redirecting. */
  allowUnauthenticated?: boolean;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface ClientHooks {
  onUnauthenticated: () => void;
  onSetupNeeded: () => void;
}

let csrfToken: string | null = null;
let hooks: ClientHooks = { onUnauthenticated: () => {}, onSetupNeeded: () => {} };

/** The session's CSRF token, sent on every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Language and CSRF headers for requests the JSON helpers cannot make (file uploads). */
export function rawRequestHeaders(): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': i18n.language || 'th' };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  return headers;
}

export function setClientHooks(next: ClientHooks): void {
  hooks = next;
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function apiRequest<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': i18n.language || 'th',
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network_error', detail: i18n.t('errors.network') });
  }

  const body = await readBody(response);
  if (response.ok) return body as T;

  const error = new ApiError(
    toProblem(response.status, body, i18n.t('errors.unexpected', { status: response.status })),
  );
  if (error.code === 'not_set_up') hooks.onSetupNeeded();
  else if (response.status === 401 && !options.allowUnauthenticated) hooks.onUnauthenticated();
  throw error;
}

export const api = {
  get: <T>(path: string, query?: RequestOptions['query'], options?: Omit<RequestOptions, 'query' | 'body'>) =>
    apiRequest<T>('GET', path, { ...options, query }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
    apiRequest<T>('POST', path, { ...options, body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, { body }),
  delete: (path: string) => apiRequest<void>('DELETE', path),
};

/** The file name a Content-Disposition header gives, or `fallback`. */
function attachmentName(header: string | null, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(header ?? '');
  return match?.[1] ?? fallback;
}

/**
 * POSTs `body` and saves the file the server answers with (exports of picked rows, which
 * a plain link cannot send). Errors are ApiErrors, as from apiRequest.
 */
export async function downloadFile(path: string, body: unknown, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { ...rawRequestHeaders(), Accept: '*/*', 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network_error', detail: i18n.t('errors.network') });
  }
  if (!response.ok) {
    const error = new ApiError(
      toProblem(response.status, await readBody(response), i18n.t('errors.unexpected', { status: response.status })),
    );
    if (response.status === 401) hooks.onUnauthenticated();
    throw error;
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = attachmentName(response.headers.get('content-disposition'), fallbackName);
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
