// Child process for the durability test: commit one row, say so, then idle until killed.
import { migrateDatabase } from '../../src/core/db/migrate.ts';
import { openDatabase } from '../../src/core/db/open-database.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: commit-then-idle DATA_DIR');
const db = await openDatabase({ dataDir: dir });
await migrateDatabase(db);
await db.query(`insert into settings (key, value) values ('durability', '"committed before kill"')`);
process.stdout.write('COMMITTED\n');
setInterval(() => {}, 1000);
