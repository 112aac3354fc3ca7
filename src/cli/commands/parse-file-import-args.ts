import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { DELIMITERS, ENCODINGS, type ImportKindName } from '../../modules/imports/index.ts';
import { UsageError } from '../cli-error.ts';
import { parse } from '../cli-options.ts';
import { choose } from './import-file-run.ts';

/** The options every `sampan import KIND FILE` takes (besides --data-dir, --database-url and --help). */
export const fileImportOptions = {
  mapping: { type: 'string' },
  'dry-run': { type: 'boolean' },
  encoding: { type: 'string' },
  delimiter: { type: 'string' },
  'no-resume': { type: 'boolean' },
  'batch-size': { type: 'string' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

type ExtraOptions = NonNullable<ParseArgsConfig['options']>;

/** What a value of an option declared as `{ type: 'string' }` or `{ type: 'boolean' }` reads as. */
type OptionValues<O extends ExtraOptions> = {
  [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string;
};

/** The command line of `sampan import KIND FILE`, checked: the file exists, the common options are valid. */
export interface FileImportArgs<O extends ExtraOptions> {
  help: false;
  /** Every option as given, the command's own ones included (and --data-dir / --database-url for configFrom). */
  values: OptionValues<typeof fileImportOptions> & OptionValues<O> & { 'data-dir'?: string; 'database-url'?: string };
  /** The absolute path of FILE. */
  file: string;
  /** A saved mapping's name, or a FILE.json holding one; guessed from the headers when absent. */
  mapping: string | undefined;
  dryRun: boolean;
  encoding: string | undefined;
  delimiter: string | undefined;
  /** false with --no-resume: start over even when an unfinished import of the same file exists. */
  resume: boolean;
  /** --batch-size (1–50,000), or undefined for the database's default. */
  batchSize: number | undefined;
}

export type FileImportHelp<O extends ExtraOptions> = Pick<FileImportArgs<O>, 'values'> & { help: true };

/**
 * Parses `sampan import KIND FILE [options]`: the options every import takes plus the
 * command's own (`extra`, read back from `values`). Throws a UsageError (exit 2) when FILE
 * is missing or not a file, or --batch-size, --encoding or --delimiter is not allowed.
 */
export function parseFileImportArgs<O extends ExtraOptions>(
  args: string[],
  kind: ImportKindName,
  extra: O,
): FileImportArgs<O> | FileImportHelp<O> {
  const parsed = parse(args, { ...fileImportOptions, ...extra }, true);
  const values = parsed.values as FileImportArgs<O>['values'] & { help?: boolean };
  const { positionals } = parsed;
  if (values.help) return { help: true, values };
  if (positionals.length !== 1 || !positionals[0]) throw new UsageError(`import ${kind} needs exactly one FILE`);
  const file = resolve(positionals[0]);
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`no such file: ${positionals[0]}`);
  const batch = values['batch-size'];
  if (batch !== undefined && (!/^\d+$/.test(batch) || Number(batch) < 1 || Number(batch) > 50_000)) {
    throw new UsageError('--batch-size must be a whole number from 1 to 50,000');
  }
  return {
    help: false,
    values,
    file,
    mapping: values.mapping,
    dryRun: Boolean(values['dry-run']),
    encoding: choose('encoding', values.encoding, ENCODINGS),
    delimiter: choose('delimiter', values.delimiter === 'tab' ? '\t' : values.delimiter, DELIMITERS),
    resume: !values['no-resume'],
    batchSize: batch === undefined ? undefined : Number(batch),
  };
}
