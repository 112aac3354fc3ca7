import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { systemActor } from '../../core/auth/principal.ts';
import {
  DELIMITERS,
  defaultBatchSize,
  ENCODINGS,
  type ImportProgress,
  type LeadImportOptions,
  ON_DUPLICATE,
  suggestLeadMapping,
} from '../../modules/imports/index.ts';
import { UsageError } from '../cli-error.ts';
import { configFrom, parse } from '../cli-options.ts';
import { withDatabase } from '../open-for-cli.ts';
import { choose, n, reportImport, runWithProgress } from './import-file-run.ts';
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

export function parseImportLeadsArgs(args: string[]) {
  const { values, positionals } = parse(
    args,
    {
      mapping: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'on-duplicate': { type: 'string' },
      encoding: { type: 'string' },
      delimiter: { type: 'string' },
      'no-resume': { type: 'boolean' },
      'batch-size': { type: 'string' },
    },
    true,
  );
  if (values.help) return { help: true as const, values };
  if (positionals.length !== 1 || !positionals[0]) throw new UsageError('import leads needs exactly one FILE');
  const file = resolve(positionals[0]);
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`no such file: ${positionals[0]}`);
  const batch = values['batch-size'];
  if (batch !== undefined && (!/^\d+$/.test(batch) || Number(batch) < 1 || Number(batch) > 50_000)) {
    throw new UsageError('--batch-size must be a whole number from 1 to 50,000');
  }
  const options: LeadImportOptions = {};
  const onDuplicate = choose('on-duplicate', values['on-duplicate'], ON_DUPLICATE);
  if (onDuplicate) options.onDuplicate = onDuplicate;
  return {
    help: false as const,
    values,
    file,
    mapping: values.mapping,
    options,
    dryRun: Boolean(values['dry-run']),
    encoding: choose('encoding', values.encoding, ENCODINGS),
    delimiter: choose('delimiter', values.delimiter === 'tab' ? '\t' : values.delimiter, DELIMITERS),
    resume: !values['no-resume'],
    batchSize: batch === undefined ? undefined : Number(batch),
  };
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
