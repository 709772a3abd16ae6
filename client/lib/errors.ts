/** Turns API errors into sentences people can act on. */
import { ApiError } from './api.ts';
import { formatWait } from './format.ts';

/** A readable message for any error thrown by `api()` or by the app itself. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) {
    return error instanceof Error && error.message
      ? error.message
      : 'Something went wrong. Please try again.';
  }
  const wait = error.retryAfter !== null ? formatWait(error.retryAfter) : null;
  switch (error.code) {
    case 'network_error':
      return error.message;
    case 'invalid_credentials':
      return 'That email and password don’t match. Check them and try again.';
    case 'account_locked':
      return wait
        ? `Too many failed attempts. Your account is locked for ${wait}; try again after that, or email yourself a sign-in link.`
        : 'Too many failed attempts. Your account is locked for a while; try again later, or email yourself a sign-in link.';
    case 'rate_limited':
      return wait
        ? `Too many attempts. Please wait ${wait} and try again.`
        : 'Too many attempts. Please wait a moment and try again.';
    case 'invalid_code':
      return 'That code didn’t work. Codes change every 30 seconds: enter the one your app shows now.';
    case 'invalid_token':
      return 'This sign-in link is invalid or has expired. Links work once and only for 15 minutes.';
    case 'validation_failed': {
      const first = error.details[0];
      return first && error.details.length === 1
        ? `${fieldName(first.path)}: ${first.message}`
        : 'Some fields need attention. Check the highlighted fields and try again.';
    }
    case 'forbidden':
      return 'You don’t have permission to do that.';
    case 'not_found':
      return 'We couldn’t find that. It may have been removed, or you may not have access to it.';
    case 'conflict':
      return error.message || 'That conflicts with something that already exists.';
    case 'payload_too_large':
      return 'That is too large to upload.';
    case 'cross_site_request':
      return 'The request was blocked because it did not come from this portal. Reload the page and try again.';
    case 'internal':
      return 'Something went wrong on our side. Please try again in a moment.';
    default:
      return error.message;
  }
}

function fieldName(path: string): string {
  const last =
    path
      .split(/[.[\]/]/)
      .filter(Boolean)
      .pop() ?? path;
  const spaced = last.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1).toLowerCase();
}

/** Field → message from a `validation_failed` error, keyed by the last segment of each path. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return {};
  const result: Record<string, string> = {};
  for (const detail of error.details) {
    const key =
      detail.path
        .split(/[.[\]/]/)
        .filter(Boolean)
        .pop() ?? detail.path;
    result[key] ??= detail.message;
  }
  return result;
}
