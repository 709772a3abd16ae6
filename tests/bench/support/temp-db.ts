/** A fresh migrated SQLite database in a temp dir (WAL, synchronous=FULL, as the portal runs it). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, openDatabase } from '../../../storage/db.ts';

export interface TempDb {
  db: Db;
  dataDir: string;
  dispose(): void;
}

export function tempDb(prefix = 'portal-bench-'): TempDb {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const db = openDatabase(dataDir);
  return {
    db,
    dataDir,
    dispose() {
      db.$client.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
