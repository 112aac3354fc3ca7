import { z } from '@hono/zod-openapi';
import { CUSTOM_FIELD_TYPES, type CustomFieldDefinitionRow } from './custom-field-values.ts';

export const CUSTOM_FIELD_APPLIES_TO = ['person', 'company', 'all'] as const;

const label = z.string().trim().min(1).max(100);

/** A pattern check whose message is in English and Thai (Zod's own would be generic). */
function matching(pattern: RegExp, en: string, th: string) {
  return (value: string, ctx: z.RefinementCtx) => {
    if (!pattern.test(value)) ctx.addIssue({ code: 'custom', message: en, params: { th } });
  };
}

const optionSchema = z.object({
  value: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .superRefine(
      matching(
        /^[a-z0-9_]+$/,
        'an option value is a code of a–z, 0–9 and _',
        'ค่าตัวเลือกต้องเป็นรหัสที่มีเฉพาะ a–z, 0–9 และ _',
      ),
    ),
  th: label,
  en: label,
});

const optionsField = z
  .array(optionSchema)
  .max(100)
  .superRefine((options, ctx) => {
    const seen = new Set<string>();
    options.forEach((o, i) => {
      if (seen.has(o.value)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'value'],
          message: `the option ${o.value} appears twice`,
          params: { th: `ตัวเลือก ${o.value} ซ้ำกัน` },
        });
      }
      seen.add(o.value);
    });
  });

const keyField = z
  .string()
  .trim()
  .superRefine(
    matching(
      /^[a-z][a-z0-9_]{0,39}$/,
      'a key is 1–40 characters of a–z, 0–9 and _, starting with a letter',
      'คีย์ต้องยาว 1–40 ตัวอักษร ประกอบด้วย a–z, 0–9 และ _ และขึ้นต้นด้วยตัวอักษร',
    ),
  )
  .openapi({ example: 'member_level' });

function needsOptions(
  value: { type?: string | undefined; options?: unknown[] | undefined },
  ctx: z.RefinementCtx,
  creating: boolean,
) {
  const selectType = value.type === 'select' || value.type === 'multi_select';
  if (creating && selectType && !value.options?.length) {
    ctx.addIssue({
      code: 'custom',
      path: ['options'],
      message: 'a select field needs at least one option',
      params: { th: 'ฟิลด์แบบเลือกต้องมีตัวเลือกอย่างน้อยหนึ่งรายการ' },
    });
  }
  if (value.type !== undefined && !selectType && value.options?.length) {
    ctx.addIssue({
      code: 'custom',
      path: ['options'],
      message: 'only select fields have options',
      params: { th: 'เฉพาะฟิลด์แบบเลือกเท่านั้นที่มีตัวเลือก' },
    });
  }
}

export const createCustomFieldSchema = z
  .object({
    key: keyField,
    labelTh: label,
    labelEn: label,
    type: z.enum(CUSTOM_FIELD_TYPES),
    options: optionsField.default([]),
    appliesTo: z.enum(CUSTOM_FIELD_APPLIES_TO).default('all'),
    required: z.boolean().default(false),
    position: z.number().int().min(0).max(10000).default(0),
  })
  .superRefine((v, ctx) => needsOptions(v, ctx, true))
  .openapi('CreateCustomField');
export type CreateCustomFieldInput = z.input<typeof createCustomFieldSchema>;

export const updateCustomFieldSchema = z
  .object({
    labelTh: label,
    labelEn: label,
    type: z.enum(CUSTOM_FIELD_TYPES),
    options: optionsField,
    appliesTo: z.enum(CUSTOM_FIELD_APPLIES_TO),
    required: z.boolean(),
    position: z.number().int().min(0).max(10000),
  })
  .partial()
  .openapi('UpdateCustomField');
export type UpdateCustomFieldInput = z.input<typeof updateCustomFieldSchema>;

export const customFieldViewSchema = z
  .object({
    id: z.string().uuid(),
    key: z.string(),
    labelTh: z.string(),
    labelEn: z.string(),
    type: z.enum(CUSTOM_FIELD_TYPES),
    options: z.array(z.object({ value: z.string(), th: z.string(), en: z.string() })),
    appliesTo: z.enum(CUSTOM_FIELD_APPLIES_TO),
    required: z.boolean(),
    position: z.number().int(),
    archived: z.boolean(),
    archivedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('CustomField');
export type CustomFieldView = z.infer<typeof customFieldViewSchema>;

export function toCustomFieldView(row: CustomFieldDefinitionRow): CustomFieldView {
  return {
    id: row.id,
    key: row.key,
    labelTh: row.labelTh,
    labelEn: row.labelEn,
    type: row.type as CustomFieldView['type'],
    options: row.options,
    appliesTo: row.appliesTo as CustomFieldView['appliesTo'],
    required: row.required,
    position: row.position,
    archived: row.archivedAt !== null,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The audit view of a definition: every field but the creation time. */
export function auditableCustomField(row: CustomFieldDefinitionRow) {
  const { createdAt: _c, ...rest } = row;
  return rest;
}
