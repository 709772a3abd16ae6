/**
 * Where file bytes live (DESIGN.md rule 1): local disk by default, S3/MinIO when configured.
 * The database keeps the metadata (storage/schema-attachments.ts); a blob store only keeps bytes
 * under opaque keys like `tickets/<ticketId>/<attachmentId>`.
 */
import type { Readable } from 'node:stream';

export interface PutOptions {
  contentType: string;
  /** Bytes, when known in advance (a Buffer, a staged file); streamed uploads may omit it. */
  size?: number;
}

export interface BlobStore {
  /** Which backend, for logs and the health check. */
  readonly kind: 'disk' | 's3';
  /**
   * Stores the bytes under `key`, replacing any previous blob. Resolves once the blob is durable;
   * rejects (leaving nothing under `key`) when the source stream errors.
   */
  put(key: string, body: Readable | Buffer, opts: PutOptions): Promise<void>;
  /** A stream of the blob's bytes; rejects with BlobNotFoundError when there is none. */
  get(key: string): Promise<Readable>;
  /** Removes the blob; a missing blob is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

export class BlobNotFoundError extends Error {
  constructor(key: string) {
    super(`No blob under ${key}`);
    this.name = 'BlobNotFoundError';
  }
}

export class InvalidBlobKeyError extends Error {
  constructor(key: string) {
    super(`Invalid blob key: ${JSON.stringify(key)}`);
    this.name = 'InvalidBlobKeyError';
  }
}

/**
 * Keys are relative paths of safe segments: letters, digits, `_`, `-`, `.` (not `.`/`..` alone),
 * joined by `/`. Both backends enforce the same rule so a key valid on one is valid on the other.
 */
export function assertValidKey(key: string): void {
  if (key.length === 0 || key.length > 512) throw new InvalidBlobKeyError(key);
  for (const segment of key.split('/')) {
    if (!/^[A-Za-z0-9_.-]+$/.test(segment) || segment === '.' || segment === '..') {
      throw new InvalidBlobKeyError(key);
    }
  }
}
