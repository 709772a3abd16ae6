/** A portal data dir seeded for a benchmark: the demo workspace plus a bench world. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../storage/db.ts';
import { seedDemo } from '../../../storage/seed.ts';
import { type SeededWorld, type SeedOptions, seedWorld } from './seed.ts';

export interface PortalData {
  dataDir: string;
  world: SeededWorld;
  dispose(): void;
}

/** `inspect` may read the seeded database before the server opens it. */
export async function seedPortalData(
  opts: SeedOptions,
  inspect?: (db: ReturnType<typeof openDatabase>) => void,
): Promise<PortalData> {
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-bench-'));
  const db = openDatabase(dataDir);
  await seedDemo(db);
  const world = await seedWorld(db, opts);
  inspect?.(db);
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  db.$client.close();
  return { dataDir, world, dispose: () => rmSync(dataDir, { recursive: true, force: true }) };
}

/** Signs in over HTTP (the real route, POST /api/auth/login) and returns the `session=…` cookie. */
export async function signIn(url: string, email: string, password = 'demo-portal-2026'): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (!cookie.startsWith('session=')) throw new Error('sign-in set no session cookie');
  return cookie;
}
