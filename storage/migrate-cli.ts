/** `npm run db:migrate`: applies pending migrations to DATA_DIR's database (start does this too). */
import { loadConfig } from '../server/config.ts';
import { openDatabase } from './db.ts';

const config = loadConfig();
const db = openDatabase(config.dataDir);
db.$client.close();
console.log(`Database in ${config.dataDir} is up to date.`);
