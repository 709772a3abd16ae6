/** The client build the bundle and Lighthouse benchmarks read: built when missing or stale. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..', '..');

/** Runs scripts/build-client-if-stale.ts (a no-op when dist/client is current); returns dist/client. */
export function ensureClientBuild(): string {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-client-if-stale.ts')], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return join(ROOT, 'dist', 'client');
}
