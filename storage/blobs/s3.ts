/** S3/MinIO blob store (DESIGN.md rule 1), switched on by S3_ENDPOINT. */
import type { Readable } from 'node:stream';
import { Client } from 'minio';
import { assertValidKey, BlobNotFoundError, type BlobStore } from './types.ts';

export interface S3Options {
  endPoint: string;
  port: number;
  useSSL: boolean;
  accessKey: string;
  secretKey: string;
  bucket: string;
  region: string;
}

function isNotFound(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return code === 'NoSuchKey' || code === 'NotFound' || code === 'NoSuchObject';
}

/** Connects and creates the bucket when it is missing, so a fresh MinIO works out of the box. */
export async function s3BlobStore(opts: S3Options): Promise<BlobStore> {
  const client = new Client({
    endPoint: opts.endPoint,
    port: opts.port,
    useSSL: opts.useSSL,
    accessKey: opts.accessKey,
    secretKey: opts.secretKey,
    region: opts.region,
    pathStyle: true,
  });
  const { bucket } = opts;
  if (!(await client.bucketExists(bucket))) await client.makeBucket(bucket, opts.region);
  return {
    kind: 's3',
    async put(key, body, { contentType, size }) {
      assertValidKey(key);
      const meta = { 'Content-Type': contentType };
      if (Buffer.isBuffer(body)) return void (await client.putObject(bucket, key, body, body.length, meta));
      if (size !== undefined) return void (await client.putObject(bucket, key, body, size, meta));
      // Unknown length: minio would start a multipart upload sized for 5 TiB. Read it whole
      // instead (callers bound it: attachments by ATTACHMENT_MAX_BYTES), then one plain PUT —
      // and a source that fails half way never reaches the bucket at all.
      const chunks: Buffer[] = [];
      for await (const chunk of body)
        chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
      const whole = Buffer.concat(chunks);
      await client.putObject(bucket, key, whole, whole.length, meta);
    },
    async get(key): Promise<Readable> {
      assertValidKey(key);
      try {
        return await client.getObject(bucket, key);
      } catch (err) {
        if (isNotFound(err)) throw new BlobNotFoundError(key);
        throw err;
      }
    },
    async delete(key) {
      assertValidKey(key);
      await client.removeObject(bucket, key);
    },
    async exists(key) {
      assertValidKey(key);
      try {
        await client.statObject(bucket, key);
        return true;
      } catch (err) {
        if (isNotFound(err)) return false;
        throw err;
      }
    },
  };
}
