import { appliedSchemaVersion } from '../../core/db/migrate.ts';
import { configFrom, parse } from '../cli-options.ts';
import { withDatabase } from '../open-for-cli.ts';

export const migrateHelp = `sampan migrate [--data-dir ./data | --database-url URL]
  Applies pending database migrations (serve also does this at start).`;

export async function migrateCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {});
  if (values.help) {
    console.log(migrateHelp);
    return 0;
  }
  const config = configFrom(values);
  const version = await withDatabase(config, (db) => appliedSchemaVersion(db));
  console.error(`Database is at schema version ${version}.`);
  return 0;
}
