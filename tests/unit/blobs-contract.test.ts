/**
 * One contract for every blob store: the disk store on a temp dir and the S3 store against a
 * local s3rver must behave the same way.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BlobNotFoundError,
  type BlobStore,
  diskBlobStore,
  InvalidBlobKeyError,
  s3BlobStore,
} from '../../storage/blobs/index.ts';
import { type LocalS3, startLocalS3 } from '../support/s3rver.ts';

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/** A stream that yields some bytes, then fails: an upload cut off half way. */
function failingStream(): Readable {
  let sent = false;
  return new Readable({
    read() {
      if (!sent) {
        sent = true;
        this.push(Buffer.alloc(1024, 1));
      } else {
        this.destroy(new Error('connection reset'));
      }
    },
  });
}

interface Backend {
  name: string;
  setup(): Promise<BlobStore>;
  teardown(): Promise<void>;
}

let diskDir = '';
let s3: LocalS3 | null = null;

const backends: Backend[] = [
  {
    name: 'disk',
    async setup() {
      diskDir = mkdtempSync(join(tmpdir(), 'portal-blobs-'));
      return diskBlobStore(diskDir);
    },
    async teardown() {
      rmSync(diskDir, { recursive: true, force: true });
    },
  },
  {
    name: 's3',
    async setup() {
      s3 = await startLocalS3();
      return s3BlobStore({
        endPoint: s3.endPoint,
        port: s3.port,
        useSSL: false,
        accessKey: s3.accessKey,
        secretKey: s3.secretKey,
        bucket: 'portal-test',
        region: 'us-east-1',
      });
    },
    async teardown() {
      await s3?.close();
    },
  },
];

describe.each(backends)('blob store contract: $name', (backend) => {
  let store: BlobStore;
  beforeAll(async () => {
    store = await backend.setup();
  });
  afterAll(() => backend.teardown());

  it('round-trips a Buffer byte for byte', async () => {
    const bytes = Buffer.from([0, 1, 2, 255, 254, 10, 13]);
    await store.put('tickets/t1/a1', bytes, { contentType: 'application/octet-stream' });
    expect(await store.exists('tickets/t1/a1')).toBe(true);
    expect(await readAll(await store.get('tickets/t1/a1'))).toEqual(bytes);
  });

  it('round-trips a stream of unknown length', async () => {
    const parts = [Buffer.alloc(70_000, 7), Buffer.from('tail')];
    await store.put('tickets/t1/a2', Readable.from(parts), { contentType: 'text/plain' });
    expect(await readAll(await store.get('tickets/t1/a2'))).toEqual(Buffer.concat(parts));
  });

  it('replaces a blob put twice under one key', async () => {
    await store.put('k/replace', Buffer.from('first'), { contentType: 'text/plain' });
    await store.put('k/replace', Buffer.from('second'), { contentType: 'text/plain' });
    expect((await readAll(await store.get('k/replace'))).toString()).toBe('second');
  });

  it('stores an empty blob', async () => {
    await store.put('k/empty', Buffer.alloc(0), { contentType: 'text/plain' });
    expect(await store.exists('k/empty')).toBe(true);
    expect((await readAll(await store.get('k/empty'))).length).toBe(0);
  });

  it('deletes, and deleting a missing blob is not an error', async () => {
    await store.put('k/gone', Buffer.from('x'), { contentType: 'text/plain' });
    await store.delete('k/gone');
    expect(await store.exists('k/gone')).toBe(false);
    await expect(store.delete('k/gone')).resolves.toBeUndefined();
  });

  it('answers BlobNotFoundError for a missing key, and exists() false', async () => {
    await expect(store.get('k/never')).rejects.toBeInstanceOf(BlobNotFoundError);
    expect(await store.exists('k/never')).toBe(false);
  });

  it('leaves nothing behind when the source stream fails', async () => {
    await expect(
      store.put('k/partial', failingStream(), { contentType: 'application/octet-stream' }),
    ).rejects.toThrow();
    expect(await store.exists('k/partial')).toBe(false);
  });

  it.each(['../escape', '/abs', 'a/../b', 'a//b', 'a/./b', '', 'sp ace', 'a\\b', 'nul\u0000'])(
    'refuses the unsafe key %j',
    async (key) => {
      await expect(store.put(key, Buffer.from('x'), { contentType: 'text/plain' })).rejects.toBeInstanceOf(
        InvalidBlobKeyError,
      );
      await expect(store.get(key)).rejects.toBeInstanceOf(InvalidBlobKeyError);
    },
  );
});

describe('disk blob store', () => {
  it('writes atomically: no temp file remains after a failed put', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portal-blobs-'));
    try {
      const store = diskBlobStore(dir);
      await expect(store.put('x/y', failingStream(), { contentType: 'text/plain' })).rejects.toThrow();
      expect(readdirSync(join(dir, '.tmp'))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
