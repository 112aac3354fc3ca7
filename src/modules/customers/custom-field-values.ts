import { and, asc, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { FieldError } from '../../core/http/problem.ts';
import { customFieldDefinitions } from './schema.ts';

export type CustomFieldDefinitionRow = typeof customFieldDefinitions.$inferSelect;

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'select', 'multi_select'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export const CUSTOM_TEXT_MAX = 1000;

type Checked = { ok: true; value: unknown } | { ok: false; en: string; th: string };

function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** One value against its definition; text is trimmed, multi-select values de-duplicated. */
export function checkCustomValue(def: CustomFieldDefinitionRow, value: unknown): Checked {
  const options = new Set(def.options.map((o) => o.value));
  const optionList = def.options.map((o) => o.value).join(', ');
  switch (def.type) {
    case 'text': {
      if (typeof value !== 'string') return { ok: false, en: 'must be text', th: 'ต้องเป็นข้อความ' };
      const trimmed = value.trim();
      if (trimmed.length > CUSTOM_TEXT_MAX) {
        return {
          ok: false,
          en: `must be at most ${CUSTOM_TEXT_MAX} characters`,
          th: `ต้องยาวไม่เกิน ${CUSTOM_TEXT_MAX} ตัวอักษร`,
        };
      }
      return { ok: true, value: trimmed };
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        return { ok: false, en: 'must be a finite number', th: 'ต้องเป็นตัวเลข' };
      }
      return { ok: true, value };
    case 'date':
      if (typeof value !== 'string' || !isRealDate(value)) {
        return { ok: false, en: 'must be a date as YYYY-MM-DD', th: 'ต้องเป็นวันที่ในรูปแบบ YYYY-MM-DD (ค.ศ.)' };
      }
      return { ok: true, value };
    case 'select':
      if (typeof value !== 'string' || !options.has(value)) {
        return { ok: false, en: `must be one of: ${optionList}`, th: `ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: ${optionList}` };
      }
      return { ok: true, value };
    case 'multi_select': {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && options.has(v))) {
        return {
          ok: false,
          en: `must be a list of values from: ${optionList}`,
          th: `ต้องเป็นรายการค่าจาก: ${optionList}`,
        };
      }
      return { ok: true, value: [...new Set(value as string[])] };
    }
    default:
      return { ok: false, en: 'has an unknown field type', th: 'ชนิดของฟิลด์ไม่รู้จัก' };
  }
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * Validates custom field values against the active definitions that apply to `kind` and
 * merges them over `previous`. A null (or empty) value removes the key. Every problem is
 * reported at once, per field, as `customFields.<key>`; nothing is returned on error.
 * Values of archived definitions already held in `previous` are kept untouched.
 */
export async function checkCustomFields(
  tx: DbOrTx,
  kind: 'person' | 'company',
  values: Record<string, unknown>,
  previous: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const defs = await tx
    .select()
    .from(customFieldDefinitions)
    .where(and(isNull(customFieldDefinitions.archivedAt), inArray(customFieldDefinitions.appliesTo, [kind, 'all'])))
    .orderBy(asc(customFieldDefinitions.position), asc(customFieldDefinitions.key));
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const errors: FieldError[] = [];
  const merged: Record<string, unknown> = { ...previous };
  for (const [key, value] of Object.entries(values)) {
    const def = byKey.get(key);
    const path = `customFields.${key}`;
    if (!def) {
      errors.push({
        path,
        message: 'is not a custom field of this kind of customer',
        th: 'ไม่มีฟิลด์กำหนดเองนี้สำหรับลูกค้าประเภทนี้',
      });
      continue;
    }
    if (value === null || (typeof value === 'string' && value.trim() === '')) {
      delete merged[key];
      continue;
    }
    const checked = checkCustomValue(def, value);
    if (!checked.ok) {
      errors.push({ path, message: checked.en, th: checked.th });
      continue;
    }
    if (isEmpty(checked.value)) delete merged[key];
    else merged[key] = checked.value;
  }
  for (const def of defs) {
    if (def.required && isEmpty(merged[def.key]) && !errors.some((e) => e.path === `customFields.${def.key}`)) {
      errors.push({
        path: `customFields.${def.key}`,
        message: `is required (${def.labelEn})`,
        th: `จำเป็นต้องกรอก (${def.labelTh})`,
      });
    }
  }
  if (errors.length) throw new AppError('validation_failed', {}, errors);
  return merged;
}
