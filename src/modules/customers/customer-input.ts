import { z } from '@hono/zod-openapi';
import {
  COMPANY_SIZE_LABELS,
  COMPANY_SIZES,
  CUSTOMER_KINDS,
  CUSTOMER_TYPES,
  GENDER_LABELS,
  GENDERS,
  INCOME_BAND_LABELS,
  INCOME_BANDS,
} from './profile-codes.ts';
import {
  birthdayField,
  codeField,
  customFieldsField,
  interestsField,
  languageField,
  taxIdField,
  websiteField,
} from './profile-fields.ts';
import { normalisePhone } from './thai-phone.ts';

export { CUSTOMER_KINDS };

/** Sources the product knows; others are accepted as lower-case codes (imports, integrations). */
export const KNOWN_SOURCES = ['walk_in', 'line_oa', 'facebook', 'website', 'referral', 'phone', 'import'] as const;

/** Trimmed text; an empty string clears the field (forms send "" for an emptied input). */
function text(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable();
}

const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .transform((v, ctx) => {
    if (v === '') return null;
    if (!z.email().safeParse(v).success) {
      ctx.addIssue({ code: 'custom', message: 'not a valid email address', params: { th: 'อีเมลไม่ถูกต้อง' } });
      return z.NEVER;
    }
    return v;
  })
  .nullable()
  .openapi({ example: 'somchai@example.com' });

const phoneField = z
  .string()
  .max(40)
  .transform((v, ctx) => {
    if (v.trim() === '') return null;
    const result = normalisePhone(v);
    if (!result.ok) {
      ctx.addIssue({
        code: 'custom',
        message: `not a valid phone number: ${result.reason}`,
        params: { th: `เบอร์โทรไม่ถูกต้อง: ${result.reasonTh}` },
      });
      return z.NEVER;
    }
    return result.e164;
  })
  .nullable()
  .openapi({
    description: 'Thai formats (081-234-5678, 02-123-4567, +66 81 234 5678) or +<country>…; stored as E.164.',
    example: '081-234-5678',
  });

const postcodeField = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === '') return null;
    const code = Number(v);
    if (!/^\d{5}$/.test(v) || code < 10000 || code > 96999) {
      ctx.addIssue({
        code: 'custom',
        message: 'a Thai postcode is 5 digits, 10000–96999',
        params: { th: 'รหัสไปรษณีย์ไทยมี 5 หลัก ตั้งแต่ 10000 ถึง 96999' },
      });
      return z.NEVER;
    }
    return v;
  })
  .nullable();

const sourceField = z
  .string()
  .trim()
  .toLowerCase()
  .max(50)
  .transform((v, ctx) => {
    if (v === '') return null;
    if (!/^[a-z0-9_]+$/.test(v)) {
      ctx.addIssue({
        code: 'custom',
        message: 'a source is a code of a–z, 0–9 and _ (e.g. walk_in, line_oa)',
        params: { th: 'ช่องทางต้องเป็นรหัสที่มีเฉพาะ a–z, 0–9 และ _ (เช่น walk_in, line_oa)' },
      });
      return z.NEVER;
    }
    return v;
  })
  .nullable()
  .openapi({ description: `One of ${KNOWN_SOURCES.join(', ')}, or another lower-case code.`, example: 'line_oa' });

const tagsField = z
  .array(z.string().trim().min(1).max(50))
  .max(30)
  .transform((tags) => [...new Set(tags)]);

const fields = {
  kind: z.enum(CUSTOMER_KINDS),
  customerType: z.enum(CUSTOMER_TYPES),
  displayName: z.string().trim().min(1).max(200),
  firstName: text(100),
  lastName: text(100),
  firstNameEn: text(100),
  lastNameEn: text(100),
  nickname: text(50),
  gender: codeField(GENDERS, GENDER_LABELS),
  birthday: birthdayField,
  language: languageField,
  occupation: text(100),
  incomeBand: codeField(INCOME_BANDS, INCOME_BAND_LABELS),
  interests: interestsField,
  email: emailField,
  phone: phoneField,
  lineId: text(50),
  province: text(100),
  district: text(100),
  subDistrict: text(100),
  postcode: postcodeField,
  addressLine: text(300),
  taxId: taxIdField,
  industry: text(100),
  companySize: codeField(COMPANY_SIZES, COMPANY_SIZE_LABELS),
  website: websiteField,
  source: sourceField,
  tags: tagsField,
  customFields: customFieldsField,
  referredById: z.string().uuid().nullable().openapi({ description: 'Another active customer who referred this one.' }),
  ownerId: z.string().uuid().nullable(),
};

/** The name shown in lists when none is given: Thai name, else English name, else nickname. */
export function deriveDisplayName(c: {
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
  firstNameEn?: string | null | undefined;
  lastNameEn?: string | null | undefined;
  nickname?: string | null | undefined;
}): string | null {
  const thai = [c.firstName, c.lastName].filter(Boolean).join(' ');
  if (thai) return thai;
  const english = [c.firstNameEn, c.lastNameEn].filter(Boolean).join(' ');
  if (english) return english;
  return c.nickname || null;
}

/** Every field a client may send; on update each is optional, on create most are. */
const editable = z.object(fields).partial();

export const createCustomerSchema = editable
  .extend({
    kind: fields.kind.default('person'),
    customerType: fields.customerType.default('consumer'),
    ownerId: fields.ownerId
      .optional()
      .openapi({ description: 'Defaults to the caller. Roles that see only their own customers cannot set it.' }),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (!c.displayName && !deriveDisplayName(c)) {
      ctx.addIssue({
        code: 'custom',
        path: ['displayName'],
        message: 'give a display name, or a first name, English name or nickname',
      });
    }
  })
  .openapi('CreateCustomer');
export type CreateCustomerInput = z.input<typeof createCustomerSchema>;
export type CreateCustomerData = z.output<typeof createCustomerSchema>;

export const updateCustomerSchema = editable.strict().openapi('UpdateCustomer');
export type UpdateCustomerInput = z.input<typeof updateCustomerSchema>;
export type UpdateCustomerData = z.output<typeof updateCustomerSchema>;
