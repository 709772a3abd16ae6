/** `npm run seed`: creates the demo workspace in DATA_DIR when its database is empty. */
import { loadConfig } from '../server/config.ts';
import { openDatabase } from './db.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, isEmpty, seedDemo } from './seed.ts';

const config = loadConfig();
const db = openDatabase(config.dataDir);
if (!isEmpty(db)) {
  console.log(`The database in ${config.dataDir} already has data; nothing seeded.`);
} else {
  await seedDemo(db);
  console.log(`Demo workspace created (password for every account: ${DEMO_PASSWORD}):`);
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.email.padEnd(26)} ${a.role}`);
}
db.$client.close();
