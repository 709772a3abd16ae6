/** The one way the browser talks to the Portal REST API (docs/API.md). */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One field-level problem from a `validation_failed` response. */
export interface ValidationDetail {
  path: string;
  message: string;
}

/** A non-2xx answer from the API, parsed from its `{error: {code, message}}` body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ValidationDetail[];
  /** Seconds from the `Retry-After` header (rate limits, locked accounts), when the server sent one. */
  readonly retryAfter: number | null;

  constructor(
    status: number,
    code: string,
    message: string,
    details: ValidationDetail[],
    retryAfter: number | null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfter = retryAfter;
  }
}

type UnauthenticatedListener = (path: string) => void;
const unauthenticatedListeners = new Set<UnauthenticatedListener>();

/**
 * Called whenever the API answers 401 `unauthenticated` (the session ended or was revoked), so the
 * app can forget the signed-in user and show the sign-in page.
 */
export function onUnauthenticated(listener: UnauthenticatedListener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/** Calls the API and returns its parsed JSON body (or `undefined` for 204/202 without a body). */
export async function api<T>(method: HttpMethod, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(
      0,
      'network_error',
      'Could not reach the server. Check your connection and try again.',
      [],
      null,
    );
  }

  const payload = await readJson(response);
  if (response.ok) return payload as T;

  const error = toApiError(response, payload);
  if (error.status === 401 && error.code === 'unauthenticated') {
    for (const listener of unauthenticatedListeners) listener(path);
  }
  throw error;
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toApiError(response: Response, payload: unknown): ApiError {
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
  const error = isRecord(payload) && isRecord(payload.error) ? payload.error : null;
  const code = typeof error?.code === 'string' ? error.code : fallbackCode(response.status);
  const message =
    typeof error?.message === 'string' && error.message !== ''
      ? error.message
      : fallbackMessage(response.status);
  const details = Array.isArray(error?.details) ? error.details.filter(isValidationDetail) : [];
  return new ApiError(response.status, code, message, details, retryAfter);
}

function parseRetryAfter(value: string | null): number | null {
  if (value === null) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.round((date - Date.now()) / 1000));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isValidationDetail(value: unknown): value is ValidationDetail {
  return isRecord(value) && typeof value.message === 'string' && typeof value.path === 'string';
}

function fallbackCode(status: number): string {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  return status >= 500 ? 'internal' : 'http_error';
}

function fallbackMessage(status: number): string {
  if (status === 404) return 'We could not find that.';
  if (status === 403) return 'You do not have permission to do that.';
  if (status >= 500) return 'Something went wrong on our side. Please try again in a moment.';
  return `The request failed (HTTP ${status}).`;
}

/** True when `error` is an ApiError with one of the given codes. */
export function isApiError(error: unknown, ...codes: string[]): error is ApiError {
  return error instanceof ApiError && (codes.length === 0 || codes.includes(error.code));
}

/** Builds a query string from the defined, non-empty values of `params`. */
export function withQuery(path: string, params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const query = search.toString();
  return query === '' ? path : `${path}?${query}`;
}
