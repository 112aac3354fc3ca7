import { systemActor } from '../../core/auth/principal.ts';
import {
  defaultBatchSize,
  type ImportProgress,
  ON_MATCH,
  type OnMatch,
  suggestMapping,
} from '../../modules/imports/index.ts';
import { configFrom } from '../cli-options.ts';
import { withDatabase } from '../open-for-cli.ts';
import { choose, n, reportImport, runWithProgress } from './import-file-run.ts';
import { parseFileImportArgs } from './parse-file-import-args.ts';
import { startFileImport } from './start-file-import.ts';

export const importCustomersHelp = `sampan import customers FILE [--mapping NAME|FILE.json] [--on-match update|skip] [--dry-run]
                        [--encoding utf-8|windows-874] [--delimiter ,|;|tab] [--no-resume]
  Imports people and companies from a CSV file (UTF-8 with or without BOM, or Windows-874
  Thai; comma, semicolon or tab), matching each row to existing customers by external id,
  LINE, Facebook, POS number, email, then phone. Without --mapping the columns are mapped
  from their Thai or English headers. Progress goes to stderr; rejected rows are written
  to FILE.rejected.csv. An interrupted import of the same file resumes where it stopped.`;

/** What a customer import does with a row that matches an existing customer (a saved template's choice unless given). */
export interface CustomerImportOptions {
  onMatch?: OnMatch;
}

/** `sampan import customers` arguments: the common ones, and what to do with a row that matches a customer. */
export function parseImportArgs(args: string[]) {
  const parsed = parseFileImportArgs(args, 'customers', { 'on-match': { type: 'string' } });
  if (parsed.help) return parsed;
  const options: CustomerImportOptions = {};
  const onMatch = choose<OnMatch>('on-match', parsed.values['on-match'], ON_MATCH);
  if (onMatch) options.onMatch = onMatch;
  return { ...parsed, options };
}

function progressLine(p: ImportProgress): string {
  return `  ${n(p.processed)} rows  ${n(p.rowsPerSecond)} rows/s  created ${n(p.created)}  updated ${n(p.updated)}  skipped ${n(p.skipped)}  rejected ${n(p.rejected)}`;
}

export async function importCustomersCommand(args: string[]): Promise<number> {
  const parsed = parseImportArgs(args);
  if (parsed.help) {
    console.log(importCustomersHelp);
    return 0;
  }
  const actor = systemActor('cli');
  return withDatabase(configFrom(parsed.values), async (database) => {
    const { db } = database;
    const importId = await startFileImport(db, actor, 'customers', parsed, suggestMapping);
    const done = await runWithProgress(
      db,
      actor,
      importId,
      parsed.batchSize ?? defaultBatchSize(database.kind),
      progressLine,
    );
    return reportImport(
      db,
      actor,
      importId,
      parsed.file,
      done,
      `${parsed.dryRun ? 'Dry run' : 'Import'} ${done.status}: ${n(done.processed)} rows — ${n(done.created)} created, ${n(done.updated)} updated, ${n(done.skipped)} skipped, ${n(done.rejected)} rejected (import ${importId}).`,
    );
  });
}
