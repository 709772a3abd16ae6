/**
 * Starts a real portal for a test file: a fresh SQLite file in a temp dir, the demo workspace,
 * port 0 on 127.0.0.1, email to the outbox (or to SMTP_URL when given).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../server/config.ts';
import { type RunningPortal, startPortal } from '../../server/server.ts';

export interface TestPortal extends RunningPortal {
  dataDir: string;
}

export async function startTestPortal(env: Record<string, string> = {}): Promise<TestPortal> {
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-test-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    RATE_LIMIT_SCALE: '100',
    ...env,
  });
  const portal = await startPortal(config, { log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }) });
  // PUBLIC_URL must name the real port so same-origin checks and links line up.
  portal.ctx.config.publicUrl = new URL(portal.url);
  return {
    ...portal,
    dataDir,
    async close() {
      await portal.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
