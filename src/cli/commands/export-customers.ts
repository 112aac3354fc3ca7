import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { systemActor } from '../../core/auth/principal.ts';
import { EXPORT_FORMATS, type ExportFormat, exportCustomers } from '../../modules/imports/index.ts';
import { UsageError } from '../cli-error.ts';
import { configFrom, parse } from '../cli-options.ts';
import { withDatabase } from '../open-for-cli.ts';

export const exportCustomersHelp = `sampan export customers [--format csv|xlsx] [--out FILE] [--q TEXT] [--lang th|en]
  Writes every active customer (or those matching --q) to FILE (default
  customers-YYYY-MM-DD.csv/.xlsx): CSV is UTF-8 with BOM so Excel shows Thai.`;

export async function exportCustomersCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    format: { type: 'string' },
    out: { type: 'string' },
    q: { type: 'string' },
    lang: { type: 'string' },
  });
  if (values.help) {
    console.log(exportCustomersHelp);
    return 0;
  }
  const format = (values.format ?? 'csv') as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new UsageError('--format must be csv or xlsx');
  const lang = values.lang ?? 'th';
  if (lang !== 'th' && lang !== 'en') throw new UsageError('--lang must be th or en');
  return withDatabase(configFrom(values), async (database) => {
    const file = await exportCustomers(database.db, systemActor('cli'), values.q ? { q: values.q } : {}, format, lang);
    const out = resolve(values.out ?? file.fileName);
    await pipeline(file.body, createWriteStream(out));
    console.log(`Exported customers to ${out}`);
    return 0;
  });
}
