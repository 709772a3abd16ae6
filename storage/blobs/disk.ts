/**
 * The default blob store: files under `DATA_DIR/files`. A put writes to a temp file in the same
 * directory tree and renames it into place, so a reader never sees a half-written blob and a
 * failed upload leaves nothing behind.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertValidKey, BlobNotFoundError, type BlobStore } from './types.ts';

/** fsync a file or a directory (a directory's sync makes a rename in it durable). */
async function syncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function diskBlobStore(dir: string): BlobStore {
  const tmpDir = join(dir, '.tmp');
  const pathOf = (key: string): string => {
    assertValidKey(key);
    return join(dir, 'blobs', key);
  };
  return {
    kind: 'disk',
    async put(key, body) {
      const target = pathOf(key);
      await mkdir(tmpDir, { recursive: true });
      await mkdir(dirname(target), { recursive: true });
      const tmp = join(tmpDir, `${randomBytes(12).toString('hex')}.part`);
      try {
        const source = Buffer.isBuffer(body) ? Readable.from([body]) : body;
        await pipeline(source, createWriteStream(tmp, { flags: 'wx' }));
        // On disk before the row that points at it commits: the bytes, then the new name.
        await syncPath(tmp);
        await rename(tmp, target);
        await syncPath(dirname(target));
      } catch (err) {
        await rm(tmp, { force: true });
        throw err;
      }
    },
    async get(key) {
      const path = pathOf(key);
      try {
        await stat(path);
      } catch {
        throw new BlobNotFoundError(key);
      }
      return createReadStream(path);
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
    async exists(key) {
      try {
        return (await stat(pathOf(key))).isFile();
      } catch {
        return false;
      }
    },
  };
}
