import { systemActor } from '../../core/auth/principal.ts';
import {
  defaultBatchSize,
  type ImportProgress,
  type LeadImportOptions,
  ON_DUPLICATE,
  suggestLeadMapping,
} from '../../modules/imports/index.ts';
import { configFrom } from '../cli-options.ts';
import { withDatabase } from '../open-for-cli.ts';
import { choose, n, reportImport, runWithProgress } from './import-file-run.ts';
import { parseFileImportArgs } from './parse-file-import-args.ts';
import { startFileImport } from './start-file-import.ts';

export const importLeadsHelp = `sampan import leads FILE [--mapping NAME|FILE.json] [--dry-run] [--on-duplicate skip|create]
                    [--encoding utf-8|windows-874] [--delimiter ,|;|tab] [--no-resume]
  Imports leads from a CSV file: name (or first/last name), company, job title, email,
  phone (any Thai format: 081-234-5678, +66 81 234 5678, …), LINE id, province, source,
  notes, owner (a user's email), status (new, contacted, qualified, disqualified with a
  reason). Rows are checked like a lead typed in by hand; a bad row is rejected with its
  reason and the others go in. A lead without an owner goes through the assignment rules,
  and every lead is scored. A row whose email or phone is already on a lead (or earlier in
  the file) is skipped, unless --on-duplicate create. Without --mapping the columns are
  mapped from their Thai or English headers. Progress goes to stderr; rejected rows go to
  FILE.rejected.csv. An interrupted import of the same file resumes where it stopped.`;

/** `sampan import leads` arguments: the common ones, and what to do with a lead already there. */
export function parseImportLeadsArgs(args: string[]) {
  const parsed = parseFileImportArgs(args, 'leads', { 'on-duplicate': { type: 'string' } });
  if (parsed.help) return parsed;
  const options: LeadImportOptions = {};
  const onDuplicate = choose('on-duplicate', parsed.values['on-duplicate'], ON_DUPLICATE);
  if (onDuplicate) options.onDuplicate = onDuplicate;
  return { ...parsed, options };
}

function progressLine(p: ImportProgress): string {
  return `  ${n(p.processed)} rows  ${n(p.rowsPerSecond)} rows/s  created ${n(p.created)}  skipped ${n(p.skipped)}  rejected ${n(p.rejected)}`;
}

export async function importLeadsCommand(args: string[]): Promise<number> {
  const parsed = parseImportLeadsArgs(args);
  if (parsed.help) {
    console.log(importLeadsHelp);
    return 0;
  }
  const actor = systemActor('cli');
  return withDatabase(configFrom(parsed.values), async (database) => {
    const { db } = database;
    const importId = await startFileImport(db, actor, 'leads', parsed, suggestLeadMapping);
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
      `${parsed.dryRun ? 'Dry run' : 'Import'} ${done.status}: ${n(done.processed)} rows — ${n(done.created)} leads created, ${n(done.skipped)} skipped (already leads), ${n(done.rejected)} rejected (import ${importId}).`,
    );
  });
}
