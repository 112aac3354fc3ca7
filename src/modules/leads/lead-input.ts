import { z } from '@hono/zod-openapi';
import { normalisePhone } from '../customers/index.ts';
import { LEAD_EVENT_KINDS } from './lead-score.ts';

export const LEAD_STATUSES = ['new', 'contacted', 'qualified', 'disqualified', 'converted'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];
export const LEAD_SOURCES = ['manual', 'form', 'import', 'api', 'line', 'referral', 'event', 'other'] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

/** Empty text is "not given". */
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable();

/** Built once: a zod schema is costly to build, and imports check thousands of emails. */
const emailCheck = z.email();

export const leadEmailField = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .transform((v, ctx) => {
    if (v === '') return null;
    if (!emailCheck.safeParse(v).success) {
      ctx.addIssue({ code: 'custom', message: 'not a valid email address', params: { th: 'อีเมลไม่ถูกต้อง' } });
      return z.NEVER;
    }
    return v;
  })
  .nullable()
  .openapi({ example: 'somchai@example.co.th' });

/** Stored E.164 through the customers' Thai phone normaliser (default region TH). */
export const leadPhoneField = z
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
  .openapi({ example: '081-234-5678' });

const fields = {
  firstName: text(100),
  lastName: text(100),
  company: text(200),
  jobTitle: text(100),
  email: leadEmailField,
  phone: leadPhoneField,
  lineId: text(50),
  province: text(100).openapi({ example: 'เชียงใหม่' }),
  sourceDetail: text(200).openapi({ description: 'Free text: campaign, event name, referrer…' }),
  notes: text(4000),
};

export const createLeadSchema = z
  .object(fields)
  .partial()
  .extend({
    source: z.enum(LEAD_SOURCES).default('manual'),
    ownerId: z
      .string()
      .uuid()
      .optional()
      .openapi({ description: 'Default: the assignment rules decide (salespeople with own scope own their leads).' }),
  })
  .strict()
  .openapi('CreateLead');
export type CreateLeadInput = z.input<typeof createLeadSchema>;
export type CreateLeadData = z.output<typeof createLeadSchema>;

export const updateLeadSchema = z
  .object(fields)
  .partial()
  .extend({ source: z.enum(LEAD_SOURCES).optional(), ownerId: z.string().uuid().optional() })
  .strict()
  .openapi('UpdateLead');
export type UpdateLeadInput = z.input<typeof updateLeadSchema>;

export const leadStatusChangeSchema = z
  .object({
    status: z.enum(['new', 'contacted', 'qualified', 'disqualified']),
    reason: z.string().trim().max(500).optional().openapi({ description: 'Required to disqualify.' }),
  })
  .strict()
  .openapi('LeadStatusChange');
export type LeadStatusChangeInput = z.input<typeof leadStatusChangeSchema>;

export const leadEventSchema = z
  .object({
    kind: z.enum(LEAD_EVENT_KINDS),
    occurredAt: z.iso
      .datetime({ offset: true })
      .optional()
      .openapi({ description: 'Default: now. Older events count less (half-life of their rule).' }),
    properties: z
      .record(z.string(), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]))
      .refine((p) => Object.keys(p).length <= 30, 'at most 30 properties')
      .default({})
      .openapi({ description: 'e.g. { "url": "/pricing" } or { "text": "…" } for a note.' }),
  })
  .strict()
  .openapi('LeadEventInput');
export type LeadEventInput = z.input<typeof leadEventSchema>;

export const convertLeadSchema = z
  .object({
    customerId: z
      .string()
      .uuid()
      .optional()
      .openapi({ description: 'Link to this customer; default: identity resolution finds or creates one.' }),
    deal: z
      .object({
        title: z.string().trim().min(1).max(200),
        pipelineId: z.string().uuid().optional(),
        valueSatang: z.number().int().min(0).max(9_000_000_000_000_000).optional(),
      })
      .strict()
      .optional()
      .openapi({ description: 'Also open a deal on the customer (owned by the lead owner).' }),
  })
  .strict()
  .openapi('ConvertLead');
export type ConvertLeadInput = z.input<typeof convertLeadSchema>;
