/** A migrated SQLite database in a temp dir, for unit tests of storage-backed logic. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, openDatabase } from '../../storage/db.ts';

export function tempDatabase(): { db: Db; dir: string; close(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'portal-db-'));
  const db = openDatabase(dir);
  return {
    db,
    dir,
    close() {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
