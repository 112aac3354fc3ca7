import { z } from '@hono/zod-openapi';

/** Contact channels a consent can name; 'any' covers every channel of the purpose. */
export const CONTACT_CHANNELS = ['email', 'sms', 'line', 'phone'] as const;
export const CONSENT_CHANNELS = [...CONTACT_CHANNELS, 'any'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

export const CONSENT_STATUSES = ['granted', 'withdrawn', 'denied'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

/** PDPA section 24 lawful bases; only 'consent' needs a grant before contact. */
export const LAWFUL_BASES = [
  'consent',
  'contract',
  'legal_obligation',
  'vital_interest',
  'public_task',
  'legitimate_interest',
] as const;
export type LawfulBasis = (typeof LAWFUL_BASES)[number];

export const CONSENT_SOURCES = ['staff', 'form', 'import', 'api', 'link', 'line', 'merge'] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];

const purposeCode = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .openapi({ example: 'marketing', description: 'A purpose code from GET /consent/purposes' });

export const recordConsentSchema = z
  .object({
    purpose: purposeCode,
    channel: z.enum(CONSENT_CHANNELS),
    status: z.enum(CONSENT_STATUSES),
    lawfulBasis: z.enum(LAWFUL_BASES).optional().openapi({ description: "Defaults to the purpose's lawful basis." }),
    source: z.enum(CONSENT_SOURCES).default('staff'),
    textVersion: z
      .number()
      .int()
      .min(1)
      .optional()
      .openapi({ description: "The version of the purpose's text agreed to; defaults to the current one." }),
    note: z.string().trim().max(1000).optional(),
    evidence: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi('RecordConsent');
export type RecordConsentInput = z.input<typeof recordConsentSchema>;

export const withdrawConsentsSchema = z
  .object({
    purpose: purposeCode.optional().openapi({ description: 'Only this purpose (default: every purpose).' }),
    channel: z
      .enum(CONSENT_CHANNELS)
      .optional()
      .openapi({ description: "Only this channel (default: every channel); 'any' means every channel too." }),
    note: z.string().trim().max(1000).optional(),
  })
  .openapi('WithdrawConsents');
export type WithdrawConsentsInput = z.input<typeof withdrawConsentsSchema>;

const consentText = z.string().trim().min(1).max(10_000);

export const createPurposeSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{1,63}$/, { message: 'lower-case letters, digits and _ (2–64), starting with a letter' })
      .openapi({ example: 'newsletter' }),
    nameTh: z.string().trim().min(1).max(200),
    nameEn: z.string().trim().min(1).max(200),
    lawfulBasis: z.enum(LAWFUL_BASES).default('consent'),
    textTh: consentText,
    textEn: consentText,
  })
  .openapi('CreateConsentPurpose');
export type CreatePurposeInput = z.input<typeof createPurposeSchema>;

export const publishTextSchema = z.object({ textTh: consentText, textEn: consentText }).openapi('PublishConsentText');
export type PublishTextInput = z.input<typeof publishTextSchema>;
