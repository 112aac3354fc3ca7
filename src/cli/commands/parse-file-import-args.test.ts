import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../cli-error.ts';
import { parseFileImportArgs } from './parse-file-import-args.ts';

let dir: string;
let csv: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sampan-parse-file-import-'));
  csv = join(dir, 'rows.csv');
  writeFileSync(csv, 'a,b\n1,2\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseFileImportArgs', () => {
  it('reads the common options and the command’s own', () => {
    const parsed = parseFileImportArgs(
      [
        csv,
        '--mapping',
        'shop',
        '--dry-run',
        '--encoding',
        'windows-874',
        '--delimiter',
        'tab',
        '--no-resume',
        '--batch-size',
        '500',
        '--colour',
        'red',
        '--data-dir',
        'somewhere',
      ],
      'orders',
      { colour: { type: 'string' } },
    );
    expect(parsed).toMatchObject({
      help: false,
      file: csv,
      mapping: 'shop',
      dryRun: true,
      encoding: 'windows-874',
      delimiter: '\t',
      resume: false,
      batchSize: 500,
      values: { colour: 'red', 'data-dir': 'somewhere' },
    });
  });

  it('leaves out what was not given', () => {
    expect(parseFileImportArgs([csv], 'leads', {})).toEqual({
      help: false,
      values: {},
      file: csv,
      mapping: undefined,
      dryRun: false,
      encoding: undefined,
      delimiter: undefined,
      resume: true,
      batchSize: undefined,
    });
  });

  it('answers --help before checking FILE', () => {
    expect(parseFileImportArgs(['--help'], 'customers', {})).toMatchObject({ help: true });
  });

  it('names the command when FILE is missing or repeated, and says which file does not exist', () => {
    expect(() => parseFileImportArgs([], 'customers', {})).toThrow('import customers needs exactly one FILE');
    expect(() => parseFileImportArgs([csv, csv], 'orders', {})).toThrow('import orders needs exactly one FILE');
    expect(() => parseFileImportArgs([dir], 'leads', {})).toThrow(`no such file: ${dir}`);
    expect(() => parseFileImportArgs([join(dir, 'missing.csv')], 'leads', {})).toThrow(UsageError);
  });

  it.each(['0', '50001', '1.5', 'many', '-3', ''])('refuses --batch-size=%s', (size) => {
    expect(() => parseFileImportArgs([csv, `--batch-size=${size}`], 'orders', {})).toThrow(
      '--batch-size must be a whole number from 1 to 50,000',
    );
  });

  it('accepts --batch-size from 1 to 50,000', () => {
    expect(parseFileImportArgs([csv, '--batch-size', '1'], 'orders', {})).toMatchObject({ batchSize: 1 });
    expect(parseFileImportArgs([csv, '--batch-size', '50000'], 'orders', {})).toMatchObject({ batchSize: 50_000 });
  });

  it('refuses an unknown encoding, delimiter or option', () => {
    expect(() => parseFileImportArgs([csv, '--encoding', 'latin1'], 'customers', {})).toThrow(
      '--encoding must be one of',
    );
    expect(() => parseFileImportArgs([csv, '--delimiter', '|'], 'customers', {})).toThrow('--delimiter must be one of');
    expect(() => parseFileImportArgs([csv, '--on-duplicate', 'skip'], 'customers', {})).toThrow(UsageError);
  });
});
