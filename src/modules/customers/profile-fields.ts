import { z } from '@hono/zod-openapi';

/** Field schemas of the profile's descriptive fields (demographics, company facts). */

interface Labelled {
  readonly [code: string]: { readonly th: string; readonly en: string };
}

/** A code from a fixed list; "" clears it. The error lists the codes with their labels. */
export function codeField<const T extends readonly [string, ...string[]]>(codes: T, labels: Labelled) {
  const listEn = codes.map((c) => `${c} (${labels[c]?.en ?? c})`).join(', ');
  const listTh = codes.map((c) => `${c} (${labels[c]?.th ?? c})`).join(', ');
  return z
    .string()
    .trim()
    .transform((v, ctx): T[number] | null => {
      if (v === '') return null;
      if (!(codes as readonly string[]).includes(v)) {
        ctx.addIssue({ code: 'custom', message: `use one of: ${listEn}`, params: { th: `ใช้ค่าใดค่าหนึ่ง: ${listTh}` } });
        return z.NEVER;
      }
      return v as T[number];
    })
    .nullable()
    .openapi({ description: `One of ${listEn}.`, example: codes[0] });
}

/** Today's date (YYYY-MM-DD) in Thailand, for "not in the future" checks. */
function todayInThailand(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date());
}

export const birthdayField = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === '') return null;
    const d = new Date(`${v}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) {
      ctx.addIssue({
        code: 'custom',
        message: 'a birthday is a real date written YYYY-MM-DD (Christian era)',
        params: { th: 'วันเกิดต้องเป็นวันที่จริงในรูปแบบ ปปปป-ดด-วว (ปี ค.ศ.)' },
      });
      return z.NEVER;
    }
    if (v < '1900-01-01') {
      ctx.addIssue({
        code: 'custom',
        message: 'a birthday cannot be before 1900 (was a Buddhist-era year given? subtract 543)',
        params: { th: 'วันเกิดต้องไม่ก่อนปี ค.ศ. 1900 (ถ้าใส่ปี พ.ศ. ให้ลบ 543)' },
      });
      return z.NEVER;
    }
    if (v > todayInThailand()) {
      ctx.addIssue({
        code: 'custom',
        message: 'a birthday cannot be in the future',
        params: { th: 'วันเกิดต้องไม่เป็นวันในอนาคต' },
      });
      return z.NEVER;
    }
    return v;
  })
  .nullable()
  .openapi({ description: 'YYYY-MM-DD (Christian era), 1900 to today.', example: '1990-04-13' });

export const languageField = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === '') return null;
    const code = v.toLowerCase();
    if (!/^[a-z]{2,3}$/.test(code)) {
      ctx.addIssue({
        code: 'custom',
        message: 'a language is a 2–3 letter code such as th, en, zh',
        params: { th: 'ภาษาต้องเป็นรหัส 2–3 ตัวอักษร เช่น th, en, zh' },
      });
      return z.NEVER;
    }
    return code;
  })
  .nullable()
  .openapi({ description: 'Preferred language for messages: th, en, …', example: 'th' });

/** True when a 13-digit Thai tax id (or national id) has the right check digit. */
export function validThaiTaxId(digits: string): boolean {
  if (!/^\d{13}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += Number(digits[i]) * (13 - i);
  return (11 - (sum % 11)) % 10 === Number(digits[12]);
}

export const taxIdField = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === '') return null;
    const digits = v.replace(/[\s-]/g, '');
    if (!/^\d{13}$/.test(digits)) {
      ctx.addIssue({
        code: 'custom',
        message: `a Thai tax id has 13 digits; this has ${digits.replace(/\D/g, '').length}`,
        params: { th: `เลขประจำตัวผู้เสียภาษีไทยมี 13 หลัก แต่ค่านี้มี ${digits.replace(/\D/g, '').length} หลัก` },
      });
      return z.NEVER;
    }
    if (!validThaiTaxId(digits)) {
      ctx.addIssue({
        code: 'custom',
        message: 'the tax id check digit (the last digit) is wrong; check for a typo',
        params: { th: 'เลขตรวจสอบ (หลักสุดท้าย) ของเลขประจำตัวผู้เสียภาษีไม่ถูกต้อง กรุณาตรวจสอบการพิมพ์' },
      });
      return z.NEVER;
    }
    return digits;
  })
  .nullable()
  .openapi({ description: '13-digit Thai tax id (dashes allowed), check digit verified.', example: '0105536000313' });

export const websiteField = z
  .string()
  .trim()
  .max(300)
  .transform((v, ctx) => {
    if (v === '') return null;
    const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(v) ? v : `https://${v}`;
    let url: URL | undefined;
    try {
      url = new URL(withScheme);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname.includes('.')) {
      ctx.addIssue({
        code: 'custom',
        message: 'a website is a web address such as https://example.co.th',
        params: { th: 'เว็บไซต์ต้องเป็นที่อยู่เว็บ เช่น https://example.co.th' },
      });
      return z.NEVER;
    }
    return url.href;
  })
  .nullable()
  .openapi({ example: 'https://example.co.th' });

export const interestsField = z
  .array(z.string().trim().min(1).max(50))
  .max(30)
  .transform((items) => [...new Set(items)]);

export const customFieldsField = z
  .record(z.string().max(50), z.unknown())
  .openapi({ description: 'Values of admin-defined custom fields by key; null removes one.' });
