/** Picks the blob store from configuration: S3/MinIO when S3_ENDPOINT is set, else local disk. */
import { join } from 'node:path';
import { diskBlobStore } from './disk.ts';
import { type S3Options, s3BlobStore } from './s3.ts';
import type { BlobStore } from './types.ts';

export { diskBlobStore } from './disk.ts';
export { type S3Options, s3BlobStore } from './s3.ts';
export * from './types.ts';

export async function createBlobStore(opts: { dataDir: string; s3: S3Options | null }): Promise<BlobStore> {
  if (opts.s3) return s3BlobStore(opts.s3);
  return diskBlobStore(join(opts.dataDir, 'files'));
}
