/**
 * The one error shape on the wire: `{ error: { code, message } }` with the right HTTP status.
 * Services throw AppError; the error handler in app.ts turns anything into this shape.
 */
export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    code: string,
    message: string,
    opts: { details?: unknown; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = opts.details;
    this.headers = opts.headers ?? {};
  }
}

/** A resource the actor may not see: always 404, never a 403 that confirms it exists. */
export const notFound = (what = 'resource') => new AppError(404, 'not_found', `That ${what} was not found.`);

export const forbidden = (message = 'You are not allowed to do that.') =>
  new AppError(403, 'forbidden', message);

export const unauthenticated = () => new AppError(401, 'unauthenticated', 'Please sign in.');

export const badRequest = (code: string, message: string) => new AppError(400, code, message);

export const conflict = (message: string) => new AppError(409, 'conflict', message);

export const rateLimited = (retryAfterSeconds: number, code = 'rate_limited', message?: string) =>
  new AppError(429, code, message ?? `Too many attempts. Try again in ${formatWait(retryAfterSeconds)}.`, {
    headers: { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
  });

function formatWait(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.ceil(seconds))} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
