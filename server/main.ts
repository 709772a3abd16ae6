/** `npm start`: the portal with demo data on PORT (3000). */

import { DEMO_ACCOUNTS, DEMO_PASSWORD, hasDemoWorkspace } from '../storage/seed.ts';
import { ConfigError, loadConfig } from './config.ts';
import { startPortal } from './server.ts';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

const portal = await startPortal(config);
const url = config.publicUrl.origin;
console.log(`\nPortal is running on ${url}  (data in ${config.dataDir})`);
if (hasDemoWorkspace(portal.ctx.db)) {
  const intro = portal.seeded ? 'Demo workspace created.' : 'Demo workspace.';
  console.log(`\n${intro} Every account's password is: ${DEMO_PASSWORD}`);
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.email.padEnd(26)} ${a.role.padEnd(14)} ${a.org}`);
  console.log('');
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    portal.ctx.log.info({ signal }, 'shutting down');
    portal.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
