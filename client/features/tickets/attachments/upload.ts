/**
 * One file sent to `POST /api/tickets/:id/attachments` with XMLHttpRequest, because fetch reports
 * no upload progress. Same origin and cookies as client/lib/api.ts; the browser adds the
 * `Sec-Fetch-Site` header the server's same-origin guard reads. The small fields go before the
 * file: the server reads `visibility` and `replyId` before it streams the bytes.
 */
import type { AttachmentView, Visibility } from '../../../lib/types.ts';

export interface UploadTarget {
  ticketId: string;
  visibility: Visibility;
  /** Attach to this reply (it must have the same visibility). */
  replyId?: string;
}

/** A refusal in the server's words (`{error: {code, message}}`), or ours when it sent none. */
export interface UploadError {
  status: number;
  code: string;
  message: string;
}

/** The server's JSON error of a failed upload, with a readable fallback per status. */
export function parseUploadError(status: number, body: string): UploadError {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    const { code, message } = parsed.error ?? {};
    if (typeof code === 'string' && typeof message === 'string' && message !== '') {
      return { status, code, message };
    }
  } catch {
    // Not JSON (a proxy's page): fall through to the generic message.
  }
  if (status === 0) {
    return {
      status,
      code: 'network_error',
      message: 'The upload was interrupted. Check your connection and retry.',
    };
  }
  if (status === 413) return { status, code: 'file_too_large', message: 'This file is too large to attach.' };
  if (status === 401)
    return { status, code: 'unauthenticated', message: 'Your session ended. Sign in again.' };
  if (status === 404)
    return { status, code: 'not_found', message: 'This ticket is no longer available to you.' };
  if (status >= 500) {
    return { status, code: 'internal', message: 'Something went wrong on our side. Retry in a moment.' };
  }
  return { status, code: 'http_error', message: `The upload failed (HTTP ${status}).` };
}

/** Refusals that sending the same file again cannot change (its size, its type, the request). */
const FINAL_CODES = new Set([
  'file_too_large',
  'file_type_not_allowed',
  'unsupported_media_type',
  'validation_failed',
  'visibility_mismatch',
  'file_required',
  'one_file_only',
]);

/** Whether a retry can succeed: network trouble, a full quota after a delete, a server fault. */
export function isRetryable(error: UploadError): boolean {
  return !FINAL_CODES.has(error.code) && error.status !== 403 && error.status !== 404;
}

export interface RunningUpload {
  /** Resolves with the stored attachment; rejects with an UploadError (code `cancelled` on abort). */
  done: Promise<AttachmentView>;
  abort: () => void;
}

/** Starts sending `file`; `onProgress` gets bytes sent of the request body. */
export function uploadAttachment(
  target: UploadTarget,
  file: File,
  onProgress: (loaded: number, total: number) => void,
): RunningUpload {
  const xhr = new XMLHttpRequest();
  const done = new Promise<AttachmentView>((resolve, reject) => {
    const form = new FormData();
    form.append('visibility', target.visibility);
    if (target.replyId) form.append('replyId', target.replyId);
    form.append('file', file, file.name);
    xhr.open('POST', `/api/tickets/${encodeURIComponent(target.ticketId)}/attachments`);
    xhr.withCredentials = false; // same origin: cookies go anyway, as with fetch's 'same-origin'
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    };
    xhr.onload = () => {
      if (xhr.status === 201) {
        try {
          resolve((JSON.parse(xhr.responseText) as { attachment: AttachmentView }).attachment);
        } catch {
          reject(parseUploadError(500, ''));
        }
        return;
      }
      reject(parseUploadError(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(parseUploadError(0, ''));
    xhr.onabort = () => reject({ status: 0, code: 'cancelled', message: 'Cancelled.' } satisfies UploadError);
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}
