import type { z } from '@hono/zod-openapi';
import { zodIssues } from '../../core/http/problem.ts';
import { createCustomerSchema } from '../customers/index.ts';

/** A cell that cannot go into its field, with the reason in English and Thai. */
export class CellError extends Error {
  constructor(
    readonly field: string,
    readonly en: string,
    readonly th: string,
  ) {
    super(`${field}: ${en}`);
  }
}

const shape = createCustomerSchema.shape as unknown as Record<string, z.ZodType | undefined>;

/**
 * Runs the profile's own field validator (customers' create schema) when it has one for
 * this field, so an import accepts exactly what the profile form accepts.
 */
export function profileValue(field: string, value: unknown): unknown {
  const schema = shape[field];
  if (!schema) return value;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const [issue] = zodIssues(result.error);
  throw new CellError(field, issue?.message ?? 'not valid', issue?.th ?? issue?.message ?? 'ไม่ถูกต้อง');
}

export function limitedText(field: string, raw: string, max: number): string {
  if (raw.length > max) {
    throw new CellError(field, `must be at most ${max} characters`, `ต้องยาวไม่เกิน ${max} ตัวอักษร`);
  }
  return raw;
}

function choice(field: string, raw: string, table: Record<string, string>, allowed: string): string {
  const value = table[raw.toLowerCase()];
  if (!value) throw new CellError(field, `must be one of: ${allowed}`, `ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: ${allowed}`);
  return value;
}

export const parseKind = (raw: string) =>
  choice(
    'kind',
    raw,
    {
      person: 'person',
      company: 'company',
      บุคคล: 'person',
      บริษัท: 'company',
      นิติบุคคล: 'company',
      p: 'person',
      c: 'company',
    },
    'person, company (บุคคล, บริษัท)',
  );

export const parseCustomerType = (raw: string) =>
  choice(
    'customerType',
    raw,
    {
      consumer: 'consumer',
      reseller: 'reseller',
      trader: 'reseller',
      business: 'business',
      ผู้บริโภค: 'consumer',
      ลูกค้าทั่วไป: 'consumer',
      ตัวแทนจำหน่าย: 'reseller',
      ผู้ค้า: 'reseller',
      ธุรกิจ: 'business',
    },
    'consumer, reseller, business (ผู้บริโภค, ตัวแทนจำหน่าย, ธุรกิจ)',
  );

export const parseGender = (raw: string) =>
  choice(
    'gender',
    raw,
    {
      female: 'female',
      f: 'female',
      male: 'male',
      m: 'male',
      other: 'other',
      unspecified: 'unspecified',
      หญิง: 'female',
      ญ: 'female',
      ชาย: 'male',
      ช: 'male',
      อื่นๆ: 'other',
      อื่น: 'other',
      ไม่ระบุ: 'unspecified',
    },
    'female, male, other, unspecified (หญิง, ชาย, อื่นๆ, ไม่ระบุ)',
  );

/**
 * Dates as Thai spreadsheets hold them: 2001-02-03, 3/2/2001 (day first) or with a
 * Buddhist-era year (3/2/2544, 2544-02-03). Stored as an ISO date (Gregorian).
 */
export function parseBirthday(raw: string, today = new Date()): string {
  let y: number;
  let m: number;
  let d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(raw);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(raw);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  else {
    throw new CellError(
      'birthday',
      'a date is YYYY-MM-DD or DD/MM/YYYY (Buddhist-era years accepted)',
      'วันที่ต้องเป็น YYYY-MM-DD หรือ วว/ดด/ปปปป (ใช้ปี พ.ศ. ได้)',
    );
  }
  if (y > 2400) y -= 543;
  const text = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const date = new Date(`${text}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
    throw new CellError('birthday', 'no such date', 'ไม่มีวันที่นี้ในปฏิทิน');
  }
  if (y < 1900 || date > today)
    throw new CellError('birthday', 'a birthday between 1900 and today', 'วันเกิดต้องอยู่ระหว่างปี 1900 ถึงวันนี้');
  return text;
}

/** A Thai tax id: 13 digits whose last is the checksum of the first twelve. */
export function parseTaxId(raw: string): string {
  const digits = raw.replace(/[\s-]/g, '');
  if (!/^\d{13}$/.test(digits))
    throw new CellError('taxId', 'a Thai tax id has 13 digits', 'เลขประจำตัวผู้เสียภาษีมี 13 หลัก');
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(digits[i]) * (13 - i);
  if ((11 - (sum % 11)) % 10 !== Number(digits[12])) {
    throw new CellError('taxId', 'the check digit of this tax id is wrong', 'เลขตรวจสอบของเลขประจำตัวผู้เสียภาษีไม่ถูกต้อง');
  }
  return digits;
}

/** Tags in one cell, separated by ; or | (a comma may be the file's delimiter). */
export function parseTags(raw: string): string[] {
  const tags = [
    ...new Set(
      raw
        .split(/[;|]/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
  if (tags.some((t) => t.length > 50))
    throw new CellError('tags', 'a tag is at most 50 characters', 'แท็กยาวไม่เกิน 50 ตัวอักษร');
  if (tags.length > 30) throw new CellError('tags', 'at most 30 tags', 'แท็กได้ไม่เกิน 30 รายการ');
  return tags;
}
