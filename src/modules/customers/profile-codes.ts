/**
 * Fixed code lists of the profile, each code with its Thai and English label so forms,
 * filters and exports show the same words.
 */

export const CUSTOMER_KINDS = ['person', 'company'] as const;

export const CUSTOMER_TYPES = ['consumer', 'reseller', 'business'] as const;
export const CUSTOMER_TYPE_LABELS = {
  consumer: { th: 'ผู้บริโภค', en: 'Consumer' },
  reseller: { th: 'ผู้ค้า/ตัวแทนจำหน่าย', en: 'Trader / reseller' },
  business: { th: 'ธุรกิจ', en: 'Business' },
} as const satisfies Record<(typeof CUSTOMER_TYPES)[number], { th: string; en: string }>;

export const GENDERS = ['female', 'male', 'other', 'unspecified'] as const;
export const GENDER_LABELS = {
  female: { th: 'หญิง', en: 'Female' },
  male: { th: 'ชาย', en: 'Male' },
  other: { th: 'อื่น ๆ', en: 'Other' },
  unspecified: { th: 'ไม่ระบุ', en: 'Not stated' },
} as const satisfies Record<(typeof GENDERS)[number], { th: string; en: string }>;

/** Monthly income in baht. */
export const INCOME_BANDS = ['lt15k', '15k_30k', '30k_50k', '50k_100k', 'gt100k'] as const;
export const INCOME_BAND_LABELS = {
  lt15k: { th: 'ต่ำกว่า 15,000 บาท', en: 'Under ฿15,000' },
  '15k_30k': { th: '15,000–30,000 บาท', en: '฿15,000–30,000' },
  '30k_50k': { th: '30,001–50,000 บาท', en: '฿30,001–50,000' },
  '50k_100k': { th: '50,001–100,000 บาท', en: '฿50,001–100,000' },
  gt100k: { th: 'มากกว่า 100,000 บาท', en: 'Over ฿100,000' },
} as const satisfies Record<(typeof INCOME_BANDS)[number], { th: string; en: string }>;

/** Head count of a company. */
export const COMPANY_SIZES = ['1_10', '11_50', '51_200', '201_1000', 'gt1000'] as const;
export const COMPANY_SIZE_LABELS = {
  '1_10': { th: '1–10 คน', en: '1–10 people' },
  '11_50': { th: '11–50 คน', en: '11–50 people' },
  '51_200': { th: '51–200 คน', en: '51–200 people' },
  '201_1000': { th: '201–1,000 คน', en: '201–1,000 people' },
  gt1000: { th: 'มากกว่า 1,000 คน', en: 'Over 1,000 people' },
} as const satisfies Record<(typeof COMPANY_SIZES)[number], { th: string; en: string }>;

/** Profile status: merged and erased profiles are left out of lists. */
export const CUSTOMER_STATUSES = ['active', 'merged', 'erased'] as const;

/** Kinds of identity a profile can hold (see identifiers.ts for the trust order). */
export const IDENTITY_STATUSES = ['ok', 'invalid', 'bounced', 'unreachable'] as const;
