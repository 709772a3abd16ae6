/**
 * What may be uploaded and how a stored file is served back. Pure functions: the upload route
 * and the download route call these, and the unit tests pin them.
 */
import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { AppError } from '../../http/errors.ts';
import { DENIED_EXTENSIONS, DENIED_TYPES, formatBytes } from './file-rules.ts';

export { DENIED_EXTENSIONS, formatBytes };

/** Types served as themselves on download; everything else goes out as application/octet-stream. */
const INLINE_SAFE_TYPES = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/bmp',
  'application/pdf',
  'text/plain',
  'text/csv',
  'application/json',
  'application/zip',
  'application/gzip',
  'application/x-7z-compressed',
  'application/x-tar',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'audio/mpeg',
  'video/mp4',
]);

export const fileTooLarge = (maxBytes: number) =>
  new AppError(
    413,
    'file_too_large',
    `That file is larger than the ${formatBytes(maxBytes)} limit for attachments. Nothing was saved.`,
    { details: { maxBytes } },
  );

export const quotaExceeded = (quotaBytes: number, usedBytes: number) =>
  new AppError(
    413,
    'quota_exceeded',
    `This organization's file storage is full (${formatBytes(usedBytes)} of ${formatBytes(quotaBytes)} used). Delete some attachments or ask your provider for more space. Nothing was saved.`,
    { details: { quotaBytes, usedBytes } },
  );

export const fileTypeNotAllowed = (why: string) =>
  new AppError(
    415,
    'file_type_not_allowed',
    `That kind of file cannot be attached (${why}). Nothing was saved.`,
  );

/**
 * The uploader's name reduced to a safe display name: no directories (either slash), no control
 * characters, no trailing dots or spaces (Windows drops them: `a.exe.` runs as `a.exe`), ≤ 200 chars.
 */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const printable = [...base].filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f).join('');
  const cleaned = printable.replace(/[. ]+$/, '').trim();
  const name = cleaned.length > 0 ? cleaned : 'file';
  if (name.length <= 200) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  return name.slice(0, 200 - ext.length) + ext;
}

/** Lower-cased `type/subtype` without parameters, or application/octet-stream when malformed. */
export function normaliseContentType(raw: string | undefined): string {
  const type = (raw ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/.test(type)
    ? type
    : 'application/octet-stream';
}

/** Refuses a file by its name's extensions or its declared type; throws 415. */
export function assertAllowedName(fileName: string, contentType: string): void {
  // The last extension decides what the OS runs: `report.exe.pdf` is a PDF, `report.pdf.exe` is
  // not; cleanFileName already dropped trailing dots and spaces (`x.exe.` → `x.exe`).
  const ext = fileName.includes('.') ? (fileName.split('.').pop()?.toLowerCase() ?? '') : '';
  if (DENIED_EXTENSIONS.has(ext)) throw fileTypeNotAllowed(`.${ext} files may run as programs`);
  if (DENIED_TYPES.has(contentType)) throw fileTypeNotAllowed(`${contentType} may run as a program`);
}

/** Why the first bytes look like an executable or script, or null when they do not. */
export function sniffExecutable(head: Buffer): string | null {
  if (head.length >= 2 && head[0] === 0x4d && head[1] === 0x5a) return 'a Windows executable';
  if (head.length >= 2 && head[0] === 0x23 && head[1] === 0x21) return 'a script';
  if (head.length >= 4 && head[0] === 0x7f && head[1] === 0x45 && head[2] === 0x4c && head[3] === 0x46) {
    return 'a Linux executable';
  }
  return null;
}

/**
 * Content-Type for a download: the stored type when it cannot run in our origin, else
 * application/octet-stream (HTML, SVG, XML, scripts, anything unknown).
 */
export function downloadContentType(stored: string): string {
  const type = normaliseContentType(stored);
  if (!INLINE_SAFE_TYPES.has(type)) return 'application/octet-stream';
  return type.startsWith('text/') ? `${type}; charset=utf-8` : type;
}

/** `attachment; filename="ascii"; filename*=UTF-8''…` (RFC 6266 with RFC 5987 encoding). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

const PREFIX_BYTES = 128;

/**
 * Passes an upload through on its way to the blob store: counts and hashes the bytes, refuses
 * executables by their first bytes, and errors (aborting the put) as soon as `limit` is passed.
 */
export class UploadGuard extends Transform {
  size = 0;
  /** The first PREFIX_BYTES bytes, for the built-in malware signature check (scan.ts). */
  prefix = Buffer.alloc(0);
  private readonly hash: Hash = createHash('sha256');
  private head = Buffer.alloc(0);
  private sniffed = false;
  private readonly limit: number;
  private readonly overLimit: () => AppError;

  constructor(limit: number, overLimit: () => AppError) {
    super();
    this.limit = limit;
    this.overLimit = overLimit;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    done(this.accept(chunk));
  }

  override _flush(done: TransformCallback): void {
    done(this.sniffed || this.head.length === 0 ? null : this.release(this.head));
  }

  /** Counts, sniffs and passes on a chunk; the error that refuses the upload, if any. */
  private accept(chunk: Buffer): AppError | null {
    if (this.prefix.length < PREFIX_BYTES) {
      this.prefix = Buffer.concat([this.prefix, chunk.subarray(0, PREFIX_BYTES - this.prefix.length)]);
    }
    this.size += chunk.length;
    if (this.size > this.limit) return this.overLimit();
    if (this.sniffed) return this.release(chunk);
    this.head = Buffer.concat([this.head, chunk]);
    if (this.head.length < 4) return null;
    const head = this.head;
    this.head = Buffer.alloc(0);
    return this.release(head);
  }

  /** Sniffs the first bytes once, then hashes and pushes. */
  private release(bytes: Buffer): AppError | null {
    if (!this.sniffed) {
      const why = sniffExecutable(bytes);
      if (why) return fileTypeNotAllowed(`it is ${why}`);
      this.sniffed = true;
    }
    this.hash.update(bytes);
    this.push(bytes);
    return null;
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}
