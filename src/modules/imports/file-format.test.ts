import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors/app-error.ts';
import { detectFormat, type FileFormat } from './file-format.ts';
import { suggestMapping } from './import-fields.ts';
import { openCsv } from './read-csv.ts';
import { fixture } from './testing.ts';

function bytes(name: string): Buffer {
  return readFileSync(fixture(name));
}

async function readAll(data: Buffer, chunk = 7) {
  const format = detectFormat(data, true);
  const pieces: Buffer[] = [];
  // Small chunks: multi-byte Thai characters are split across chunk boundaries.
  for (let i = 0; i < data.length; i += chunk) pieces.push(data.subarray(i, i + chunk));
  const reader = await openCsv(Readable.from(pieces), format);
  const rows = [];
  for await (const r of reader.rows) rows.push(r);
  return { format, headers: reader.headers, rows };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return (err as AppError).code;
}

describe('file format detection and streaming read', () => {
  it('reads UTF-8 without BOM, comma, Thai headers, quoted cells', async () => {
    const { format, headers, rows } = await readAll(bytes('people-utf8.csv'));
    expect(format).toEqual<FileFormat>({ encoding: 'utf-8', delimiter: ',', bom: false });
    expect(headers[0]).toBe('ชื่อ');
    expect(rows).toHaveLength(5);
    expect(rows[2]).toMatchObject({
      line: 4,
      fields: ['วิชัย', 'ศรีสุข', 'ต้น', '0899999999', 'wichai@example.com', 'ขอนแก่น', '40000', 'ขนมปัง|กาแฟ'],
    });
  });

  it('reads UTF-8 with BOM and semicolons, a delimiter inside quotes kept', async () => {
    const { format, headers, rows } = await readAll(bytes('people-bom-semicolon.csv'));
    expect(format).toEqual({ encoding: 'utf-8', delimiter: ';', bom: true });
    expect(headers).toEqual(['Name', 'Email', 'Phone', 'Province']);
    expect(rows[1]?.fields[0]).toBe('Suda; the baker');
  });

  it('reads tab-delimited files', async () => {
    const { format, headers } = await readAll(bytes('people-tab.csv'));
    expect(format.delimiter).toBe('\t');
    expect(headers).toEqual(['First name', 'Last name', 'Mobile', 'LINE']);
  });

  it('detects Windows-874 (Thai Windows Excel) and decodes it', async () => {
    const { format, headers, rows } = await readAll(bytes('people-windows-874.csv'));
    expect(format.encoding).toBe('windows-874');
    expect(headers).toEqual(['ชื่อ', 'นามสกุล', 'เบอร์โทร', 'อีเมล', 'จังหวัด']);
    expect(rows[1]?.fields.slice(0, 2)).toEqual(['กัลยา', 'แก้วมณี']);
  });

  it('honours an encoding or delimiter override', () => {
    expect(detectFormat(bytes('people-utf8.csv'), true, { encoding: 'windows-874', delimiter: ';' })).toMatchObject({
      encoding: 'windows-874',
      delimiter: ';',
    });
  });

  it('refuses a binary file', () => {
    expect(() => detectFormat(bytes('binary.csv'), true)).toThrowError(
      expect.objectContaining({ code: 'import_file_binary' }),
    );
    expect(() => detectFormat(Buffer.from('a,b\n1,\u0000\n'), true)).toThrowError(
      expect.objectContaining({ code: 'import_file_binary' }),
    );
  });

  it('refuses a file truncated in the middle of a character', () => {
    expect(() => detectFormat(bytes('truncated-mid-character.csv'), true)).toThrowError(
      expect.objectContaining({ code: 'import_file_truncated' }),
    );
  });

  it('refuses a truncated character at the end of a long stream', async () => {
    const long = Buffer.concat([
      Buffer.from('ชื่อ,อีเมล\n'),
      Buffer.from('สมชาย,a@example.com\n'.repeat(20_000)),
      Buffer.from('วิ').subarray(0, 4),
    ]);
    const format = detectFormat(long.subarray(0, 1000), false);
    const reader = await openCsv(Readable.from([long]), format);
    expect(
      await codeOf(
        (async () => {
          for await (const _ of reader.rows);
        })(),
      ),
    ).toBe('import_file_truncated');
  });

  it('refuses an unclosed quote as malformed, with its line', async () => {
    const err = await readAll(bytes('malformed-unclosed-quote.csv')).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'import_file_malformed' });
    expect((err as AppError).params.line).toBeGreaterThan(0);
  });

  it('marks a ragged row, and refuses a file where many rows are ragged', async () => {
    const some = await readAll(Buffer.from(`a,b,c\n1,2,3\n1,2\n${'1,2,3\n'.repeat(30)}`));
    expect(some.rows.filter((r) => r.ragged).map((r) => r.line)).toEqual([3]);
    const many = Buffer.from(`a,b,c\n${'1,2\n'.repeat(40)}`);
    expect(await codeOf(readAll(many))).toBe('import_file_malformed');
  });

  it('refuses empty files and files with only a header, and duplicate headers', async () => {
    expect(() => detectFormat(Buffer.alloc(0), true)).toThrowError(
      expect.objectContaining({ code: 'import_file_empty' }),
    );
    expect(await codeOf(readAll(Buffer.from('a,b\n')))).toBe('import_file_empty');
    expect(await codeOf(readAll(Buffer.from('a,a\n1,2\n')))).toBe('import_header_invalid');
  });

  it('suggests a mapping from Thai and English headers', () => {
    expect(suggestMapping(['ชื่อ', 'นามสกุล', 'เบอร์โทร', 'อีเมล', 'Email 2', 'unknown', 'รหัสไปรษณีย์', 'แท็ก'])).toEqual({
      ชื่อ: 'firstName',
      นามสกุล: 'lastName',
      เบอร์โทร: 'phone',
      อีเมล: 'email',
      รหัสไปรษณีย์: 'postcode',
      แท็ก: 'tags',
    });
    expect(suggestMapping(['First name', 'Last_Name', 'Mobile', 'LINE', 'E-mail', 'Phone'])).toEqual({
      'First name': 'firstName',
      Last_Name: 'lastName',
      Mobile: 'phone',
      LINE: 'lineId',
      'E-mail': 'email',
    });
  });
});
