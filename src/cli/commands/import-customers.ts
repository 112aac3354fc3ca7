import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { systemActor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import {
  createFileImport,
  DELIMITERS,
  defaultBatchSize,
  ENCODINGS,
  findUnfinishedImport,
  formatOf,
  type ImportProgress,
  importBytes,
  mappingByName,
  ON_MATCH,
  type OnMatch,
  openCsv,
  suggestMapping,
} from '../../modules/imports/index.ts';
import { UsageError } from '../cli-error.ts';
import { configFrom, parse } from '../cli-options.ts';
import { withDatabase } from '../open-for-cli.ts';
import { choose, n, reportImport, runWithProgress, sha256Of } from './import-file-run.ts';

export const importCustomersHelp = `sampan import customers FILE [--mapping NAME|FILE.json] [--on-match update|skip] [--dry-run]
                        [--encoding utf-8|windows-874] [--delimiter ,|;|tab] [--no-resume]
  Imports people and companies from a CSV file (UTF-8 with or without BOM, or Windows-874
  Thai; comma, semicolon or tab), matching each row to existing customers by external id,
  LINE, Facebook, POS number, email, then phone. Without --mapping the columns are mapped
  from their Thai or English headers. Progress goes to stderr; rejected rows are written
  to FILE.rejected.csv. An interrupted import of the same file resumes where it stopped.`;

export function parseImportArgs(args: string[]) {
  const { values, positionals } = parse(
    args,
    {
      mapping: { type: 'string' },
      'on-match': { type: 'string' },
      'dry-run': { type: 'boolean' },
      encoding: { type: 'string' },
      delimiter: { type: 'string' },
      'no-resume': { type: 'boolean' },
      'batch-size': { type: 'string' },
    },
    true,
  );
  if (values.help) return { help: true as const, values };
  if (positionals.length !== 1 || !positionals[0]) throw new UsageError('import customers needs exactly one FILE');
  const file = resolve(positionals[0]);
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`no such file: ${positionals[0]}`);
  const batch = values['batch-size'];
  if (batch !== undefined && (!/^\d+$/.test(batch) || Number(batch) < 1 || Number(batch) > 50_000)) {
    throw new UsageError('--batch-size must be a whole number from 1 to 50,000');
  }
  return {
    help: false as const,
    values,
    file,
    mapping: values.mapping,
    onMatch: choose<OnMatch>('on-match', values['on-match'], ON_MATCH) ?? 'update',
    dryRun: Boolean(values['dry-run']),
    encoding: choose('encoding', values.encoding, ENCODINGS),
    delimiter: choose('delimiter', values.delimiter === 'tab' ? '\t' : values.delimiter, DELIMITERS),
    resume: !values['no-resume'],
    batchSize: batch === undefined ? undefined : Number(batch),
  };
}

async function mappingFor(
  db: Db,
  option: string | undefined,
  file: string,
  format: Awaited<ReturnType<typeof formatOf>>,
) {
  if (option?.endsWith('.json')) {
    const parsed = JSON.parse(readFileSync(resolve(option), 'utf8')) as unknown;
    const mapping = (parsed as { mapping?: unknown }).mapping ?? parsed;
    if (typeof mapping !== 'object' || mapping === null) throw new UsageError(`${option} holds no mapping object`);
    return mapping as Record<string, string>;
  }
  if (option) return (await mappingByName(db, option)).mapping;
  const reader = await openCsv(importBytes(db, { id: '', storage: 'path', filePath: file }), format);
  reader.close();
  return suggestMapping(reader.headers);
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
    const sha = await sha256Of(parsed.file);
    const unfinished = parsed.resume && !parsed.dryRun ? await findUnfinishedImport(db, sha) : undefined;
    let importId: string;
    if (unfinished) {
      importId = unfinished.id;
      console.error(
        `Resuming import ${importId} after line ${n(unfinished.committedLine)} (${n(unfinished.processedRows)} rows done).`,
      );
    } else {
      const stub = {
        id: '',
        storage: 'path',
        filePath: parsed.file,
        encoding: parsed.encoding ?? null,
        delimiter: parsed.delimiter ?? null,
      };
      const format = await formatOf(db, stub as Parameters<typeof formatOf>[1]);
      const mapping = await mappingFor(db, parsed.mapping, parsed.file, format);
      console.error(
        `Columns: ${
          Object.entries(mapping)
            .map(([h, f]) => `${h} → ${f}`)
            .join(', ') || '(none recognised)'
        }`,
      );
      const view = await createFileImport(db, actor, {
        path: parsed.file,
        fileName: basename(parsed.file),
        fileSize: statSync(parsed.file).size,
        fileSha256: sha,
        mapping,
        options: { onMatch: parsed.onMatch },
        dryRun: parsed.dryRun,
        encoding: format.encoding,
        delimiter: format.delimiter,
      });
      importId = view.id;
    }
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
