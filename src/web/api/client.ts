import type { ErrorCode, FieldError, Problem } from '../../shared/problem.schema';

/** The CSRF token of the current session, or the literal `none` before there is one. */
let csrfToken = 'none';
let onUnauthenticated: (() => void) | undefined;

export function setCsrfToken(token: string | null): void {
  csrfToken = token ?? 'none';
}

/** Called when any request (except those marked `silent401`) answers 401 `unauthenticated`. */
export function setUnauthenticatedHandler(handler: (() => void) | undefined): void {
  onUnauthenticated = handler;
}

/** A failed request: either a problem+json answer from the server or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'network';
  readonly fieldErrors: FieldError[];
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, problem: Omit<Partial<Problem>, 'code'> & { code: ErrorCode | 'network' }) {
    super(problem.title ?? problem.code);
    this.status = status;
    this.code = problem.code;
    this.fieldErrors = problem.errors ?? [];
    this.retryAfterSeconds = problem.retryAfterSeconds;
  }
}

export function isApiError(error: unknown, code?: ErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface RequestOptions {
  body?: unknown;
  /** Do not trigger the global "session ended" handling on 401 (used for the session probe itself). */
  silent401?: boolean;
}

async function readProblem(response: Response): Promise<ApiError> {
  let problem: Partial<Problem> = {};
  try {
    problem = (await response.json()) as Partial<Problem>;
  } catch {
    // Not JSON (e.g. a proxy error page): fall back to a status-based code below.
  }
  const code: ErrorCode =
    problem.code ??
    (response.status === 401 ? 'unauthenticated' : response.status === 404 ? 'not_found' : 'internal');
  return new ApiError(response.status, { ...problem, code });
}

/** Typed fetch wrapper for the same-origin JSON API: CSRF header, cookies, problem+json errors. */
export async function api<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, { code: 'network' });
  }
  if (!response.ok) {
    const error = await readProblem(response);
    if (error.status === 401 && error.code === 'unauthenticated') {
      setCsrfToken(null);
      if (!options.silent401) onUnauthenticated?.();
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data = (text ? JSON.parse(text) : undefined) as T;
  // Every LoginResult and SessionInfo carries the token for the next state-changing request.
  if (data && typeof data === 'object' && 'csrfToken' in data && typeof data.csrfToken === 'string') {
    setCsrfToken(data.csrfToken);
  }
  return data;
}

/** Builds a query string from defined, non-empty values. */
export function toQuery(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** POSTs to an endpoint that answers with a file and saves it under the server's file name (no URL to copy). */
export async function downloadFile(path: string, body: unknown): Promise<string> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { Accept: '*/*', 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, { code: 'network' });
  }
  if (!response.ok) throw await readProblem(response);
  const name =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'download';
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
